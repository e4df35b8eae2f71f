package dev.reportgateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.reportgateway.acronis.AcronisConfig;
import dev.reportgateway.report.Ids;
import dev.reportgateway.report.InvalidRequestException;
import io.quarkus.runtime.StartupEvent;

/**
 * The configured gateway API keys, known by their SHA-256 digests only, and the check of a presented key:
 * its digest is compared with every configured digest in constant time ({@link MessageDigest#isEqual}), so
 * neither a near miss nor the position of the matching key shows in the timing. Secure by default: against a
 * real platform the gateway does not start without a key; in sandbox mode without keys, a random development
 * key with every role is made and printed once.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** A caller known by name, with its roles and the tenants it is limited to (lower-case; empty: every tenant). */
    public record Caller(String name, Set<String> roles, Set<String> tenants) {
    }

    private record Known(String name, byte[] digest, Set<String> roles, Set<String> tenants) {
    }

    private final GatewayConfig config;
    private final boolean sandbox;
    private volatile List<Known> known = List.of();

    @Inject
    ApiKeys(GatewayConfig config, AcronisConfig acronis) {
        this(config, acronis.sandboxMode());
    }

    ApiKeys(GatewayConfig config, boolean sandbox) {
        this.config = config;
        this.sandbox = sandbox;
    }

    void load(@Observes StartupEvent start) {
        if (!config.auth().enabled()) {
            LOG.warn("gateway.auth.enabled=false: every caller may read, create and delete reports without a key");
            return;
        }
        List<Known> keys = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.ApiKey> entry : config.apiKeys().entrySet()) {
            keys.add(known(entry.getKey(), entry.getValue()));
        }
        if (keys.isEmpty() && !sandbox) {
            throw new IllegalStateException("No gateway API key is configured, and the gateway holds real Acronis credentials. "
                    + "Add one: generate a key and its digest with `scripts/new-api-key.sh <name>` (or: key=$(openssl rand -hex 32); "
                    + "printf %s \"$key\" | sha256sum), then set GATEWAY_API_KEYS_<NAME>_SHA256=<digest> and "
                    + "GATEWAY_API_KEYS_<NAME>_ROLES=reports-reader,reports-writer (NAME in capitals and digits). To run without keys on purpose, "
                    + "set GATEWAY_AUTH_ENABLED=false.");
        }
        if (keys.isEmpty()) {
            String devKey = randomKey();
            keys.add(new Known("sandbox-development", sha256(devKey), Roles.ALL, Set.of()));
            LOG.infof("Sandbox development API key for this run (every role; send it as the Bearer token or X-API-Key): %s",
                    devKey);
        }
        known = List.copyOf(keys);
    }

    /** Whether callers must present a key. */
    boolean enabled() {
        return config.auth().enabled();
    }

    /** The caller whose key this is, if any; compares against every configured key, in constant time each. */
    Optional<Caller> identify(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Known match = null;
        for (Known candidate : known) {
            if (MessageDigest.isEqual(presented, candidate.digest()) && match == null) {
                match = candidate;
            }
        }
        return match == null ? Optional.empty() : Optional.of(new Caller(match.name(), match.roles(), match.tenants()));
    }

    private static Known known(String name, GatewayConfig.ApiKey key) {
        String digest = key.sha256().trim().toLowerCase();
        if (!SHA256_HEX.matcher(digest).matches()) {
            throw new IllegalStateException("gateway.api-keys." + name + ".sha256 must be the 64 hex digits of the key's "
                    + "SHA-256 digest (printf %s \"$key\" | sha256sum), not the key itself");
        }
        for (String role : key.roles()) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("gateway.api-keys." + name + ".roles: unknown role '" + role
                        + "'; the roles are " + Roles.READER + " and " + Roles.WRITER);
            }
        }
        return new Known(name, HexFormat.of().parseHex(digest), Set.copyOf(key.roles()),
                tenants(name, key.tenants().orElse(List.of())));
    }

    private static Set<String> tenants(String name, List<String> configured) {
        Set<String> tenants = new LinkedHashSet<>();
        for (String tenant : configured) {
            try {
                tenants.add(Ids.requireUuid("tenants", tenant.trim()));
            } catch (InvalidRequestException notUuid) {
                throw new IllegalStateException("gateway.api-keys." + name + ".tenants: '" + tenant
                        + "' is not a tenant id; list the UUIDs of the tenants this key may see, comma-separated");
            }
        }
        return Set.copyOf(tenants);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "dev-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
