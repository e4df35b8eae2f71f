package dev.reportgateway.acronis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.reportgateway.acronis.model.ErrorDetail;

/**
 * The platform answered with an error status. Carries the status and the parsed error (the platform's
 * {@code errorScheme}, or the {@code /idp} endpoints' {@code {error, error_description}}), never upstream headers.
 */
public class AcronisApiException extends RuntimeException {

    /** Platform code for an optimistic-concurrency conflict on {@code DELETE ?version=}. */
    public static final int VERSION_MISMATCH = 1001;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest upstream text (message, domain, code) kept; the rest is cut and marked with an ellipsis. */
    private static final int MAX_MESSAGE = 500;
    /** Most bytes of an upstream error body read; a longer body is cut there (and then is no longer JSON). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final int status;
    private final transient ErrorDetail error;
    private final transient Duration retryAfter;

    public AcronisApiException(int status, ErrorDetail error) {
        this(status, error, null);
    }

    public AcronisApiException(int status, ErrorDetail error, Duration retryAfter) {
        super("Acronis answered HTTP " + status + (error != null && error.message() != null ? ": " + error.message() : ""),
                null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** How long the platform asked to wait ({@code Retry-After}, in seconds or as an HTTP date), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The upstream HTTP status. */
    public int status() {
        return status;
    }

    /** The upstream error, or {@code null} when the body was empty or not JSON. */
    public ErrorDetail error() {
        return error;
    }

    /** Whether the upstream error carries the given platform code (as a number or a numeric string). */
    public boolean hasCode(int code) {
        return error != null && error.code() != null && String.valueOf(code).equals(error.code().asText());
    }

    static AcronisApiException from(Response response) {
        return new AcronisApiException(response.getStatus(), parse(boundedBody(response)),
                retryAfter(response.getHeaderString("Retry-After"), Instant.now()));
    }

    /** At most {@link #MAX_BODY_BYTES} of the error body, as UTF-8; {@code null} when there is none or it cannot be read. */
    private static String boundedBody(Response response) {
        if (!response.hasEntity()) {
            return null;
        }
        try (InputStream body = response.readEntity(InputStream.class)) {
            return body == null ? null : new String(body.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return null; // an unreadable body leaves only the status to report
        }
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /**
     * Reads {@code errorScheme} or {@code {error, error_description}}; a non-JSON body becomes a short message.
     * Message, domain and a textual code are cut to {@value #MAX_MESSAGE} characters whatever the shape.
     */
    static ErrorDetail parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception notJson) {
            return new ErrorDetail(null, truncate(body.strip()), null, null, null, null);
        }
        JsonNode error = root == null ? null : root.get("error");
        if (error != null && error.isObject()) {
            try {
                ErrorDetail parsed = JSON.treeToValue(error, ErrorDetail.class);
                return new ErrorDetail(truncate(parsed.code()), truncate(parsed.message()), truncate(parsed.domain()),
                        parsed.details(), parsed.context(), parsed.data());
            } catch (Exception odd) {
                return new ErrorDetail(truncate(error.get("code")), truncate(error.path("message").asText(null)), null, null, null,
                        null);
            }
        }
        if (error != null && error.isTextual()) {
            String description = root.path("error_description").asText(null);
            return new ErrorDetail(TextNode.valueOf(truncate(error.asText())), truncate(description), null, null, null, null);
        }
        return new ErrorDetail(null, truncate(body.strip()), null, Map.of(), null, null);
    }

    private static JsonNode truncate(JsonNode code) {
        return code != null && code.isTextual() ? TextNode.valueOf(truncate(code.asText())) : code;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
