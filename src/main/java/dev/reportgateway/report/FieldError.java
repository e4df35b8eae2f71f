package dev.reportgateway.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One problem with one field of a request, named by its JSON path (e.g. {@code parameters.period.end}). */
@RegisterForReflection
@Schema(description = "One problem with one field of a request.")
public record FieldError(
        @Schema(required = true, description = "JSON path of the field (or the parameter's name).", example = "parameters.period.end") String field,
        @Schema(required = true, description = "What is wrong with it.") String message) {
}
