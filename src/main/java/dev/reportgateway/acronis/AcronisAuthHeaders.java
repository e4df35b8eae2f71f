package dev.reportgateway.acronis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.rest.client.reactive.ReactiveClientHeadersFactory;
import io.smallrye.mutiny.Uni;

/**
 * Adds {@code Authorization: Bearer <platform token>} to every upstream call, without blocking: the token
 * comes from {@link AcronisTokens}. Nothing of the caller's request (its gateway key included) is forwarded.
 */
@ApplicationScoped
public class AcronisAuthHeaders extends ReactiveClientHeadersFactory {

    private final AcronisTokens tokens;

    AcronisAuthHeaders(AcronisTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<MultivaluedMap<String, String>> getHeaders(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        return tokens.accessToken().map(token -> {
            MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return headers;
        });
    }
}
