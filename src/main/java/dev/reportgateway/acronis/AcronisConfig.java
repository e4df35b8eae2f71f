package dev.reportgateway.acronis;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway reaches the Acronis Cyber Platform. Secrets ({@code ACRONIS_CLIENT_SECRET},
 * {@code ACRONIS_TOKEN}) come from the environment and have no default.
 */
@ConfigMapping(prefix = "acronis")
public interface AcronisConfig {

    /**
     * The data-center URL the API client is registered in, e.g. {@code https://eu2-cloud.acronis.com}
     * (a trailing {@code /api/2} is accepted). Unset: the embedded sandbox is the upstream.
     */
    Optional<URI> url();

    /** The API client's id (a UUID); used for client-credentials tokens and to find its own tenant. */
    Optional<String> clientId();

    /** The API client's secret; from {@code ACRONIS_CLIENT_SECRET}. */
    Optional<String> clientSecret();

    /** A ready access token, used instead of client credentials; from {@code ACRONIS_TOKEN}. */
    Optional<String> token();

    /** Tenant used when a create request has no {@code parameters.tenant_id}; default: the API client's own tenant. */
    Optional<String> tenantId();

    /** Time allowed to open a connection to the platform. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed for the platform's answer to a JSON call. */
    @WithDefault("30s")
    Duration readTimeout();

    /** Time allowed for downloading one stored report. */
    @WithDefault("5m")
    Duration downloadTimeout();

    /**
     * Most stored-report downloads open at once: the downloads client's own connection pool, apart from the JSON
     * calls'. One more waits up to {@code acronis.connect-timeout} for a free slot, then is answered 503.
     */
    @WithDefault("8")
    int downloadMaxConnections();

    /** How long before its expiry a cached token is renewed (at most half its lifetime). */
    @WithDefault("15m")
    Duration tokenRenewBefore();

    /** Readiness asks for a platform token at most once per this interval and repeats its last answer in between. */
    @WithDefault("30s")
    Duration readinessInterval();

    /** Longest wait of a readiness check for a platform token; a slower answer is reported as not ready. */
    @WithDefault("3s")
    Duration readinessTimeout();

    /**
     * Whether the embedded sandbox is the upstream: no {@code acronis.url} configured. The one place this is
     * decided; the gateway, the simulator and the listening address all ask here.
     */
    default boolean sandboxMode() {
        return url().isEmpty();
    }
}
