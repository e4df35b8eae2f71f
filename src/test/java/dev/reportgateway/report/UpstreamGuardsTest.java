package dev.reportgateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.AcronisUnavailableException;
import dev.reportgateway.acronis.AcronisUnavailableException.Reason;

/** Which failures are retried, which count against the platform, and how long a retry waits. */
class UpstreamGuardsTest {

    @Test
    void readsRetryTransientFailuresOnly() {
        for (int status : new int[] { 429, 502, 503, 504 }) {
            assertTrue(UpstreamGuards.isRetryableRead(new AcronisApiException(status, null)), "status " + status);
        }
        for (int status : new int[] { 400, 401, 403, 404, 409, 500 }) {
            assertFalse(UpstreamGuards.isRetryableRead(new AcronisApiException(status, null)), "status " + status);
        }
        assertTrue(UpstreamGuards.isRetryableRead(new AcronisUnavailableException(Reason.UNREACHABLE, null)));
        assertTrue(UpstreamGuards.isRetryableRead(new AcronisUnavailableException(Reason.CONNECTION_LOST, null)));
        assertFalse(UpstreamGuards.isRetryableRead(new AcronisUnavailableException(Reason.TIMEOUT, null)));
        assertFalse(UpstreamGuards.isRetryableRead(new InvalidRequestException("x", "y")));
    }

    @Test
    void createsRetryOnlyWhatCannotHaveCreatedAReport() {
        assertTrue(UpstreamGuards.isRetryableCreate(new AcronisApiException(429, null)));
        assertTrue(UpstreamGuards.isRetryableCreate(new AcronisApiException(503, null)));
        assertTrue(UpstreamGuards.isRetryableCreate(new AcronisUnavailableException(Reason.UNREACHABLE, null)));
        assertFalse(UpstreamGuards.isRetryableCreate(new AcronisApiException(500, null)));
        assertFalse(UpstreamGuards.isRetryableCreate(new AcronisApiException(502, null)));
        assertFalse(UpstreamGuards.isRetryableCreate(new AcronisApiException(504, null)));
        assertFalse(UpstreamGuards.isRetryableCreate(new AcronisUnavailableException(Reason.CONNECTION_LOST, null)));
        assertFalse(UpstreamGuards.isRetryableCreate(new AcronisUnavailableException(Reason.TIMEOUT, null)));
    }

    @Test
    void onlyPlatformFailuresCountAgainstTheCircuit() {
        assertTrue(UpstreamGuards.isPlatformFailure(new AcronisApiException(500, null)));
        assertTrue(UpstreamGuards.isPlatformFailure(new AcronisApiException(429, null)));
        assertTrue(UpstreamGuards.isPlatformFailure(new AcronisUnavailableException(Reason.TIMEOUT, null)));
        assertFalse(UpstreamGuards.isPlatformFailure(new AcronisApiException(404, null)));
        assertFalse(UpstreamGuards.isPlatformFailure(new AcronisApiException(409, null)));
        assertFalse(UpstreamGuards.isPlatformFailure(new InvalidRequestException("x", "y")));
    }

    @Test
    void backoffIsOneToTwoSecondsOrRetryAfterCapped() {
        UpstreamGuards.RetryAfterBackoff backoff = new UpstreamGuards.RetryAfterBackoff(defaults());
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.nextDelayInMillis(new AcronisApiException(503, null));
            assertTrue(delay >= 1000 && delay <= 2000, "delay " + delay);
        }
        assertEquals(3000, backoff.nextDelayInMillis(new AcronisApiException(429, null, Duration.ofSeconds(3))));
        assertEquals(10_000, backoff.nextDelayInMillis(new AcronisApiException(429, null, Duration.ofHours(1))));
    }

    private static UpstreamPolicyConfig defaults() {
        return new UpstreamPolicyConfig() {
            @Override
            public int maxRetries() {
                return 2;
            }

            @Override
            public Duration retryDelay() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration retryJitter() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration retryAfterMax() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int maxConcurrentCalls() {
                return 64;
            }

            @Override
            public CircuitBreaker circuitBreaker() {
                throw new UnsupportedOperationException("not needed for backoff");
            }
        };
    }
}
