package dev.reportgateway.acronis.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The platform's {@code errorScheme}: {@code {"error": {...}}}. */
@RegisterForReflection
public record ErrorResponse(ErrorDetail error) {
}
