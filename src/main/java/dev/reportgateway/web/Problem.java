package dev.reportgateway.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportgateway.report.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, plus
 * {@code errors} for invalid requests and {@code upstream} for what the platform answered.
 */
@RegisterForReflection
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        Upstream upstream) {

    /** Media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The platform's own status and error, as far as it gave one. {@code code} is a number or a string. */
    @RegisterForReflection
    public record Upstream(int status, JsonNode code, String message, String domain) {
    }
}
