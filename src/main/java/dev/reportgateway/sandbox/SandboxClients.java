package dev.reportgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.reportgateway.acronis.SandboxConfig;

/** The API clients the sandbox knows: its own fixed pair, plus the configured {@code acronis.client-*} pair. */
@ApplicationScoped
public class SandboxClients {

    private final SandboxConfig config;
    private final Optional<String> configuredId;
    private final Optional<String> configuredSecret;

    SandboxClients(SandboxConfig config,
            @ConfigProperty(name = "acronis.client-id") Optional<String> configuredId,
            @ConfigProperty(name = "acronis.client-secret") Optional<String> configuredSecret) {
        this.config = config;
        this.configuredId = configuredId;
        this.configuredSecret = configuredSecret;
    }

    /** True when {@code clientId} is one of the accepted clients. */
    boolean isKnown(String clientId) {
        return config.clientId().equals(clientId)
                || (configuredId.isPresent() && configuredSecret.isPresent() && configuredId.get().equals(clientId));
    }

    /** True when the pair matches an accepted client (secrets compared in constant time). */
    boolean accepts(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            return false;
        }
        boolean sandboxPair = config.clientId().equals(clientId) && sameSecret(config.clientSecret(), clientSecret);
        boolean configuredPair = configuredId.isPresent() && configuredSecret.isPresent()
                && configuredId.get().equals(clientId) && sameSecret(configuredSecret.get(), clientSecret);
        return sandboxPair || configuredPair;
    }

    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
