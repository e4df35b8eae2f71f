package dev.reportgateway.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The gateway's own HTTP API: who may call it, and how much it accepts. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Largest request body accepted; a larger one is answered 413. */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /** Inbound authentication. */
    Auth auth();

    /**
     * The callers' API keys, by name ({@code gateway.api-keys.<name>.sha256}, {@code .roles}, {@code .tenants}). Only the
     * SHA-256 digest of a key is configured, never the key itself.
     */
    @WithName("api-keys")
    Map<String, ApiKey> apiKeys();

    /** Inbound authentication switch. */
    interface Auth {
        /** {@code false} lets every caller in with every role: only for a gateway reachable by trusted callers alone. */
        @WithDefault("true")
        boolean enabled();
    }

    /** One caller's key. */
    interface ApiKey {
        /** Lower-case hex SHA-256 digest of the key. */
        String sha256();

        /** Roles granted: {@code reports-reader} (GET) and/or {@code reports-writer} (POST, PUT, DELETE). */
        @WithDefault(Roles.READER)
        List<String> roles();

        /**
         * Tenant UUIDs (any letter case) this key is limited to: other tenants' reports, report lists and usage
         * answer 404, creates for them too. Unset: every tenant.
         */
        Optional<List<String>> tenants();
    }
}
