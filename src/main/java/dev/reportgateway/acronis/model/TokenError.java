package dev.reportgateway.acronis.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** OAuth-style error of the {@code /idp} endpoints: {@code {"error", "error_description"}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record TokenError(String error, String errorDescription) {
}
