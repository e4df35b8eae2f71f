package dev.reportgateway.acronis;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How hard the gateway tries, and how much it protects the platform and itself: retries, circuit breaker, concurrency. */
@ConfigMapping(prefix = "gateway.upstream")
public interface UpstreamPolicyConfig {

    /** Retries after a failed attempt (GET/PUT/DELETE: connect errors, 429, 502, 503, 504; POST: connect refused, 429, 503). */
    @WithDefault("2")
    int maxRetries();

    /** Shortest wait before a retry when the platform gave no {@code Retry-After}. */
    @WithDefault("1s")
    Duration retryDelay();

    /** Random extra wait added to {@link #retryDelay()} (so retries spread between 1 and 2 s by default). */
    @WithDefault("1s")
    Duration retryJitter();

    /** Longest {@code Retry-After} the gateway waits for; a longer one is cut to this. */
    @WithDefault("10s")
    Duration retryAfterMax();

    /** Upstream calls at once; one more is refused with 503 rather than queued. */
    @WithDefault("64")
    int maxConcurrentCalls();

    /** The circuit breaker that stops calling a failing platform. */
    CircuitBreaker circuitBreaker();

    /** Circuit breaker limits. */
    interface CircuitBreaker {
        /** Calls in the rolling window the failure ratio is measured over. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failed calls (platform 5xx/429, timeouts, connection failures) in the window that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before a trial call; also the {@code Retry-After} of the 503 meanwhile. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }
}
