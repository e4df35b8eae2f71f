package dev.reportgateway.acronis;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Which credentials the gateway presents: a static token ({@code acronis.token}), or the API client's id and
 * secret (configured, or the sandbox's documented pair in sandbox mode). Checked at startup so a missing
 * secret is a clear message, not a failed first call. Never logs or prints a secret.
 */
@ApplicationScoped
public class AcronisCredentials {

    private final AcronisConfig config;
    private final SandboxConfig sandbox;

    AcronisCredentials(AcronisConfig config, SandboxConfig sandbox) {
        this.config = config;
        this.sandbox = sandbox;
    }

    /** The static access token, when one is configured instead of client credentials. */
    public Optional<String> staticToken() {
        return config.token().filter(t -> !t.isBlank());
    }

    /** The API client id: configured, or the sandbox's in sandbox mode; empty with a static token and no id. */
    public Optional<String> clientId() {
        Optional<String> configured = config.clientId().filter(id -> !id.isBlank());
        if (configured.isPresent() || staticToken().isPresent()) {
            return configured;
        }
        return config.sandboxMode() ? Optional.of(sandbox.clientId()) : Optional.empty();
    }

    /** The client secret to present with {@link #clientId()}; required unless a static token is configured. */
    String clientSecret() {
        return config.clientSecret().filter(s -> !s.isBlank())
                .or(() -> config.sandboxMode() && config.clientId().isEmpty()
                        ? Optional.of(sandbox.clientSecret())
                        : Optional.empty())
                .orElseThrow(() -> new IllegalStateException(missingMessage()));
    }

    void checkOnStart(@Observes StartupEvent start) {
        if (staticToken().isPresent()) {
            return;
        }
        if (clientId().isEmpty()) {
            throw new IllegalStateException(missingMessage());
        }
        clientSecret();
    }

    private static String missingMessage() {
        return "No Acronis credentials: set ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET (an API client of your "
                + "partner tenant, created in the Management Portal under Settings > API clients), or ACRONIS_TOKEN.";
    }
}
