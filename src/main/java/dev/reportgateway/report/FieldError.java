package dev.reportgateway.report;

/** One problem with one field of a request, named by its JSON path (e.g. {@code parameters.period.end}). */
public record FieldError(String field, String message) {
}
