package dev.reportgateway.web;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A presented gateway API key, on its way to {@link ApiKeyIdentityProvider}. {@code toString} never shows it. */
final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[key=***]";
    }
}
