package dev.reportgateway.web;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportgateway.report.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, plus
 * {@code errors} for invalid requests and {@code upstream} for what the platform answered.
 */
@RegisterForReflection
@Schema(description = "An RFC 9457 problem: the body of every error answer, as application/problem+json.")
public record Problem(
        @Schema(required = true, description = "URI naming the kind of problem, urn:report-gateway:problem:<slug>.",
                example = "urn:report-gateway:problem:invalid-request") String type,
        @Schema(required = true, description = "Short summary of the kind of problem.", example = "Invalid request") String title,
        @Schema(required = true, description = "The HTTP status of this answer.", example = "400") int status,
        @Schema(description = "What went wrong this time, and what to do about it.") String detail,
        @Schema(description = "The request path.", example = "/api/2/reports") String instance,
        @Schema(description = "Invalid requests (400): every field error at once.") List<FieldError> errors,
        @Schema(description = "What the Acronis platform answered, when the problem comes from it.") Upstream upstream) {

    /** Media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The start of every problem {@code type}: {@code urn:report-gateway:problem:<slug>}. */
    static final String TYPE_PREFIX = "urn:report-gateway:problem:";

    /** A request body over {@code limit} bytes, the limit of {@code setting} (413). */
    static Problem payloadTooLarge(long limit, String setting, String instance) {
        return new Problem(TYPE_PREFIX + "payload-too-large", "Request body too large", 413,
                "The request body is larger than " + limit + " bytes (" + setting + ").", instance, null, null);
    }

    /** An unexpected failure (500): it names the incident id logged with the failure, and nothing of its internals. */
    static Problem internal(String incident, String instance) {
        return new Problem(TYPE_PREFIX + "internal", "Internal error", 500,
                "The gateway failed unexpectedly; incident " + incident + " is in its log.", instance, null, null);
    }

    /** The platform's own status and error, as far as it gave one. {@code code} is a number or a string. */
    @RegisterForReflection
    @Schema(name = "ProblemUpstream", description = "The platform's own status and error (its errorScheme), as far as it gave one.")
    public record Upstream(
            @Schema(required = true, description = "HTTP status the platform answered.", example = "409") int status,
            @Schema(ref = "UpstreamCode") JsonNode code,
            @Schema(description = "The platform's error message.") String message,
            @Schema(description = "The platform's error domain.") String domain) {
    }
}
