package dev.reportgateway.acronis.model;

/** The platform's {@code errorScheme}: {@code {"error": {...}}}. */
public record ErrorResponse(ErrorDetail error) {
}
