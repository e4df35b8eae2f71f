package dev.reportgateway.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One problem with one field of a request, named by its JSON path (e.g. {@code parameters.period.end}). */
@RegisterForReflection
public record FieldError(String field, String message) {
}
