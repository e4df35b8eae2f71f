package dev.reportgateway.acronis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.reportgateway.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import io.smallrye.mutiny.Uni;

/**
 * The one platform access token every call shares. Client-credentials tokens come from the platform's
 * {@code /api/2/idp/token} through quarkus-oidc-client (Basic client authentication, no discovery); the
 * client is created on first use, because in sandbox mode the token endpoint is this service's own port.
 * A token is renewed {@code acronis.token-renew-before} ahead of its expiry (at most half its lifetime);
 * concurrent callers needing a token share one request, and each request is counted by outcome. A static
 * {@code acronis.token} is used as it is.
 */
@ApplicationScoped
public class AcronisTokens {

    private static final Logger LOG = Logger.getLogger(AcronisTokens.class);
    private static final String SERVER_NOT_AVAILABLE = "OIDC Server is not available";
    /** Documented lifetime of platform tokens, used when an answer states no expiry at all. */
    static final Duration DOCUMENTED_LIFETIME = Duration.ofHours(2);

    private final AcronisConfig config;
    private final AcronisEndpoint endpoint;
    private final AcronisCredentials credentials;
    private final OidcClients oidcClients;
    private final MeterRegistry registry;
    private final Clock clock;

    private final AtomicReference<CachedToken> cached = new AtomicReference<>();
    private final AtomicReference<Uni<CachedToken>> inFlight = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile Uni<OidcClient> oidcClient;

    /** A token, its number in the sequence of tokens obtained, and when to renew it. {@code toString} never shows the value. */
    record CachedToken(String value, long generation, Instant renewAt) {
        @Override
        public String toString() {
            return "CachedToken[generation=" + generation + ", renewAt=" + renewAt + "]";
        }
    }

    AcronisTokens(AcronisConfig config, AcronisEndpoint endpoint, AcronisCredentials credentials, OidcClients oidcClients,
            MeterRegistry registry, Clock clock) {
        this.config = config;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.oidcClients = oidcClients;
        this.registry = registry;
        this.clock = clock;
    }

    /** The access token to send now: cached, or obtained by the one request in flight. */
    public Uni<String> accessToken() {
        if (credentials.staticToken().isPresent()) {
            return Uni.createFrom().item(credentials.staticToken().get());
        }
        CachedToken current = cached.get();
        if (isFresh(current)) {
            return Uni.createFrom().item(current.value());
        }
        return renew().map(CachedToken::value);
    }

    /** How many tokens have been obtained so far; a caller notes it before a call to judge a 401 afterwards. */
    public long generation() {
        return generation.get();
    }

    /**
     * The platform answered 401 to a call made when {@link #generation()} was {@code seenGeneration}: drops the
     * cached token if it is the one that call used (the one cached then, or the one obtained for it), and
     * keeps a token another caller has renewed since. Returns whether one retry with a new token makes sense
     * (never with a static token, which cannot be renewed).
     */
    public boolean discardRejected(long seenGeneration) {
        if (credentials.staticToken().isPresent()) {
            return false;
        }
        CachedToken current = cached.get();
        if (current != null && current.generation() <= seenGeneration + 1) {
            cached.compareAndSet(current, null);
        }
        return true;
    }

    private boolean isFresh(CachedToken token) {
        return token != null && clock.instant().isBefore(token.renewAt());
    }

    private Uni<CachedToken> renew() {
        while (true) {
            Uni<CachedToken> running = inFlight.get();
            if (running != null) {
                return running;
            }
            AtomicReference<Uni<CachedToken>> self = new AtomicReference<>();
            Uni<CachedToken> request = Uni.createFrom()
                    .deferred(() -> isFresh(cached.get()) ? Uni.createFrom().item(cached.get()) : requestToken())
                    .invoke(cached::set)
                    .onTermination().invoke(() -> inFlight.compareAndSet(self.get(), null))
                    .memoize().indefinitely();
            self.set(request);
            if (inFlight.compareAndSet(null, request)) {
                return request;
            }
        }
    }

    private Uni<CachedToken> requestToken() {
        Instant requestedAt = clock.instant();
        return client().flatMap(OidcClient::getTokens)
                .map(tokens -> toCached(tokens, requestedAt))
                .invoke(token -> LOG.debugf("Obtained a platform access token; renewing at %s", token.renewAt()))
                .invoke(() -> countRequest("success"))
                .onFailure().transform(AcronisTokens::tokenFailure)
                .onFailure().invoke(failure -> countRequest(failure instanceof AcronisApiException ? "rejected" : "unavailable"));
    }

    private void countRequest(String outcome) {
        registry.counter(MetricNames.TOKEN_REQUESTS, MetricNames.OUTCOME, outcome).increment();
    }

    private CachedToken toCached(Tokens tokens, Instant requestedAt) {
        Instant expiresAt = expiry(tokens, requestedAt);
        Duration lifetime = Duration.between(requestedAt, expiresAt);
        Duration ahead = lifetime.dividedBy(2).compareTo(config.tokenRenewBefore()) < 0
                ? lifetime.dividedBy(2)
                : config.tokenRenewBefore();
        return new CachedToken(tokens.getAccessToken(), generation.incrementAndGet(), expiresAt.minus(ahead));
    }

    /**
     * Expiry from {@code expires_on} (absolute Unix seconds) when it lies ahead, else {@code expires_in}
     * (relative), else what the OIDC client derived (e.g. the JWT's {@code exp}), else the documented two hours.
     */
    static Instant expiry(Tokens tokens, Instant requestedAt) {
        Long expiresOn = seconds(tokens.get("expires_on"));
        if (expiresOn != null && Instant.ofEpochSecond(expiresOn).isAfter(requestedAt)) {
            return Instant.ofEpochSecond(expiresOn);
        }
        Long expiresIn = seconds(tokens.get("expires_in"));
        if (expiresIn != null && expiresIn > 0) {
            return requestedAt.plusSeconds(expiresIn);
        }
        Long derived = tokens.getAccessTokenExpiresAt();
        if (derived != null && Instant.ofEpochSecond(derived).isAfter(requestedAt)) {
            return Instant.ofEpochSecond(derived);
        }
        return requestedAt.plus(DOCUMENTED_LIFETIME);
    }

    private static Long seconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return (long) Double.parseDouble(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private Uni<OidcClient> client() {
        Uni<OidcClient> client = oidcClient;
        if (client == null) {
            synchronized (this) {
                if (oidcClient == null) {
                    oidcClient = oidcClients.newClient(clientConfig()).memoize().indefinitely();
                }
                client = oidcClient;
            }
        }
        return client;
    }

    private OidcClientConfig clientConfig() {
        String api = endpoint.baseUri() + "/api/2";
        return OidcClientConfig.builder()
                .id("acronis")
                .authServerUrl(api)
                .discoveryEnabled(false)
                .tokenPath(api + "/idp/token")
                .clientId(credentials.clientId().orElseThrow())
                .credentials().clientSecret(credentials.clientSecret(), Method.BASIC).end()
                .grant(OidcClientConfig.Grant.Type.CLIENT)
                .connectionTimeout(config.connectTimeout())
                .build();
    }

    /**
     * The OIDC client reports a refused token request as an {@link OidcClientException} whose message is the
     * platform's answer body (e.g. {@code {"error":"access_denied",...}}), and an unreachable endpoint as
     * "OIDC Server is not available", both without a cause. A refusal means the platform rejected the gateway's
     * own credentials (reported as 401, with the body parsed); anything else is a transport failure.
     */
    static Throwable tokenFailure(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (failure instanceof OidcClientException && !message.startsWith(SERVER_NOT_AVAILABLE)) {
            LOG.warn("The platform refused to issue an access token for the configured API client");
            return new AcronisApiException(401, AcronisApiException.parse(message));
        }
        AcronisUnavailableException unavailable = AcronisUnavailableException.classify(failure);
        return unavailable.reason() == AcronisUnavailableException.Reason.UNREADABLE
                ? new AcronisUnavailableException(AcronisUnavailableException.Reason.UNREACHABLE, failure)
                : unavailable;
    }
}
