package dev.reportgateway.sandbox;

import java.util.Optional;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards {@code /sandbox}: 404 for everything when the sandbox is off (the gateway's problem+json, as for any unknown
 * route), and a valid bearer token for every
 * endpoint but the token endpoint. Other paths pass untouched.
 */
public class SandboxAccessFilter {

    private static final String SANDBOX = "/sandbox/";
    private static final String TOKEN_ENDPOINTS = "/sandbox/api/2/idp/";
    private static final String BEARER = "bearer ";

    private final SandboxMode mode;
    private final SandboxTokens tokens;

    SandboxAccessFilter(SandboxMode mode, SandboxTokens tokens) {
        this.mode = mode;
        this.tokens = tokens;
    }

    @ServerRequestFilter
    public Optional<Response> guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(SANDBOX)) {
            return Optional.empty();
        }
        if (!mode.enabled()) {
            throw new NotFoundException();
        }
        if (path.startsWith(TOKEN_ENDPOINTS) || hasValidToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Optional.empty();
        }
        return Optional.of(SandboxError.unauthorized().toResponse());
    }

    private boolean hasValidToken(String authorization) {
        return authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && tokens.isValid(authorization.substring(BEARER.length()).trim());
    }
}
