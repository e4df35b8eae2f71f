package dev.reportgateway.sandbox;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.reportgateway.acronis.model.ErrorDetail;
import dev.reportgateway.acronis.model.ErrorResponse;

/** A sandbox failure answered with the platform's {@code errorScheme} body. */
public final class SandboxError extends RuntimeException {

    private static final String DOMAIN = "PlatformAccountServer";

    private final int status;
    private final int code;

    private SandboxError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(400, 400, message);
    }

    static SandboxError unauthorized() {
        return new SandboxError(401, 401, "Method required an authenticated user.");
    }

    static SandboxError notFound(String message) {
        return new SandboxError(404, 404, message);
    }

    static SandboxError tenantNotFound() {
        return new SandboxError(404, 1005, "Tenant not found");
    }

    static SandboxError versionMismatch() {
        return new SandboxError(409, 1001, "Version mismatch");
    }

    static SandboxError notReady() {
        return new SandboxError(409, 409, "Stored report is not ready");
    }

    static SandboxError unsupportedMediaType() {
        return new SandboxError(415, 415, "Content-Type must be application/json.");
    }

    /** The HTTP answer: status plus {@code {"error":{"code","message","domain","details":{"info":null}}}}. */
    Response toResponse() {
        // NullNode, not null: the gateway's global non_null inclusion would drop a Java null map value.
        ErrorDetail detail = new ErrorDetail(IntNode.valueOf(code), getMessage(), DOMAIN,
                Map.of("info", NullNode.getInstance()), null, null);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(detail)).build();
    }
}
