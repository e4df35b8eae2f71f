package dev.reportgateway.acronis.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The inner object of the platform's {@code errorScheme}. {@code code} is a platform code (1001 = version
 * mismatch) or an HTTP code, sent as a number or a string, so it is kept as JSON; {@code details} is an
 * open map ({@code info} plus whatever else the platform adds).
 */
@RegisterForReflection
public record ErrorDetail(
        JsonNode code,
        String message,
        String domain,
        Map<String, Object> details,
        Map<String, Object> context,
        List<Object> data) {
}
