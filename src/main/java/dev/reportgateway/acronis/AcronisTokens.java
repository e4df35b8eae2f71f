package dev.reportgateway.acronis;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.oidc.client.OidcClient;
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
 * concurrent callers needing a token share one request. A static {@code acronis.token} is used as it is.
 */
@ApplicationScoped
public class AcronisTokens {

    private static final Logger LOG = Logger.getLogger(AcronisTokens.class);
    /** Documented lifetime of platform tokens, used when an answer states no expiry at all. */
    static final Duration DOCUMENTED_LIFETIME = Duration.ofHours(2);

    private final AcronisConfig config;
    private final AcronisEndpoint endpoint;
    private final AcronisCredentials credentials;
    private final OidcClients oidcClients;

    private final AtomicReference<CachedToken> cached = new AtomicReference<>();
    private final AtomicReference<Uni<CachedToken>> inFlight = new AtomicReference<>();
    private volatile Uni<OidcClient> oidcClient;

    /** A token, when it was obtained and when to renew it. {@code toString} never shows the value. */
    record CachedToken(String value, Instant obtainedAt, Instant renewAt) {
        @Override
        public String toString() {
            return "CachedToken[obtainedAt=" + obtainedAt + ", renewAt=" + renewAt + "]";
        }
    }

    AcronisTokens(AcronisConfig config, AcronisEndpoint endpoint, AcronisCredentials credentials, OidcClients oidcClients) {
        this.config = config;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.oidcClients = oidcClients;
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

    /**
     * The platform answered 401 to a call started at {@code callStartedAt}: drops the cached token unless it
     * was obtained after that call began. Returns whether one retry with a new token makes sense
     * (never with a static token, which cannot be renewed).
     */
    public boolean discardRejected(Instant callStartedAt) {
        if (credentials.staticToken().isPresent()) {
            return false;
        }
        CachedToken current = cached.get();
        if (current != null && current.obtainedAt().isBefore(callStartedAt)) {
            cached.compareAndSet(current, null);
        }
        return true;
    }

    private static boolean isFresh(CachedToken token) {
        return token != null && Instant.now().isBefore(token.renewAt());
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
        Instant requestedAt = Instant.now();
        return client().flatMap(OidcClient::getTokens)
                .map(tokens -> toCached(tokens, requestedAt))
                .invoke(token -> LOG.debugf("Obtained a platform access token; renewing at %s", token.renewAt()))
                .onFailure().transform(AcronisTokens::tokenFailure);
    }

    private CachedToken toCached(Tokens tokens, Instant requestedAt) {
        Instant expiresAt = expiry(tokens, requestedAt);
        Duration lifetime = Duration.between(requestedAt, expiresAt);
        Duration ahead = lifetime.dividedBy(2).compareTo(config.tokenRenewBefore()) < 0
                ? lifetime.dividedBy(2)
                : config.tokenRenewBefore();
        return new CachedToken(tokens.getAccessToken(), requestedAt, expiresAt.minus(ahead));
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

    /** A refused token request means the platform rejected the gateway's own credentials. */
    private static Throwable tokenFailure(Throwable failure) {
        AcronisUnavailableException unavailable = AcronisUnavailableException.classify(failure);
        if (unavailable.reason() != AcronisUnavailableException.Reason.BROKEN_ANSWER) {
            return unavailable;
        }
        LOG.warn("The platform refused to issue an access token for the configured API client");
        return new AcronisApiException(401, null);
    }
}
