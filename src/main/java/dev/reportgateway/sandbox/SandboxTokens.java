package dev.reportgateway.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.reportgateway.acronis.SandboxConfig;
import dev.reportgateway.acronis.model.TokenResponse;

/** Issues opaque access tokens and remembers them until they expire. */
@ApplicationScoped
public class SandboxTokens {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SandboxConfig config;
    private final Clock clock;

    @Inject
    SandboxTokens(SandboxConfig config) {
        this(config, Clock.systemUTC());
    }

    SandboxTokens(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A new token; like the platform, the answer carries {@code expires_on} and omits {@code expires_in}. */
    TokenResponse issue() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        Instant expiresOn = now.plus(config.tokenLifetime());
        String accessToken = "sandbox-at-" + UUID.randomUUID();
        expiries.put(accessToken, expiresOn);
        String idToken = "sandbox-id-" + UUID.randomUUID();
        return new TokenResponse(accessToken, "bearer", null, expiresOn.getEpochSecond(), idToken);
    }

    /** True when {@code accessToken} was issued here and has not expired. */
    boolean isValid(String accessToken) {
        Instant expiry = expiries.get(accessToken);
        return expiry != null && expiry.isAfter(clock.instant());
    }
}
