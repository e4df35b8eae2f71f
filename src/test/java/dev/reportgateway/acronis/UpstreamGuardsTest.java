package dev.reportgateway.acronis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.AcronisUnavailableException.Reason;

/** Which failures are retried, which count against the platform, which may have acted, and how long a retry waits. */
class UpstreamGuardsTest {

    @Test
    void readsRetryTransientFailuresOnly() {
        for (int status : new int[] { 429, 502, 503, 504 }) {
            assertTrue(UpstreamFailure.of(new AcronisApiException(status, null)).retriesRead(), "status " + status);
        }
        for (int status : new int[] { 400, 401, 403, 404, 409, 500 }) {
            assertFalse(UpstreamFailure.of(new AcronisApiException(status, null)).retriesRead(), "status " + status);
        }
        assertTrue(UpstreamFailure.of(new AcronisUnavailableException(Reason.UNREACHABLE, null)).retriesRead());
        assertTrue(UpstreamFailure.of(new AcronisUnavailableException(Reason.CONNECTION_LOST, null)).retriesRead());
        assertFalse(UpstreamFailure.of(new AcronisUnavailableException(Reason.TIMEOUT, null)).retriesRead());
        assertFalse(UpstreamFailure.of(new IllegalStateException("a bug")).retriesRead());
    }

    @Test
    void createsRetryOnlyWhatCannotHaveCreatedAReport() {
        assertTrue(UpstreamFailure.of(new AcronisApiException(429, null)).retriesCreate());
        assertTrue(UpstreamFailure.of(new AcronisApiException(503, null)).retriesCreate());
        assertTrue(UpstreamFailure.of(new AcronisUnavailableException(Reason.UNREACHABLE, null)).retriesCreate());
        assertFalse(UpstreamFailure.of(new AcronisApiException(500, null)).retriesCreate());
        assertFalse(UpstreamFailure.of(new AcronisApiException(502, null)).retriesCreate());
        assertFalse(UpstreamFailure.of(new AcronisApiException(504, null)).retriesCreate());
        assertFalse(UpstreamFailure.of(new AcronisUnavailableException(Reason.CONNECTION_LOST, null)).retriesCreate());
        assertFalse(UpstreamFailure.of(new AcronisUnavailableException(Reason.TIMEOUT, null)).retriesCreate());
    }

    @Test
    void onlyPlatformFailuresCountAgainstTheCircuit() {
        assertTrue(UpstreamFailure.of(new AcronisApiException(500, null)).isPlatformFailure());
        assertTrue(UpstreamFailure.of(new AcronisApiException(429, null)).isPlatformFailure());
        assertTrue(UpstreamFailure.of(new AcronisUnavailableException(Reason.TIMEOUT, null)).isPlatformFailure());
        assertFalse(UpstreamFailure.of(new AcronisApiException(404, null)).isPlatformFailure());
        assertFalse(UpstreamFailure.of(new AcronisApiException(409, null)).isPlatformFailure());
        assertFalse(UpstreamFailure.of(new IllegalStateException("a bug")).isPlatformFailure());
    }

    @Test
    void aCreateMayHaveBeenActedOnAfterTimeoutsBrokenConnectionsAnd5xxOtherThan503() {
        for (int status : new int[] { 500, 502, 504 }) {
            assertTrue(UpstreamFailure.of(new AcronisApiException(status, null)).mayHaveActed(), "status " + status);
        }
        assertTrue(UpstreamFailure.of(new AcronisUnavailableException(Reason.TIMEOUT, null)).mayHaveActed());
        assertTrue(UpstreamFailure.of(new AcronisUnavailableException(Reason.CONNECTION_LOST, null)).mayHaveActed());
        assertTrue(UpstreamFailure.of(new AcronisUnavailableException(Reason.UNREADABLE, null)).mayHaveActed());
        for (int status : new int[] { 400, 401, 403, 404, 409, 422, 429, 503 }) {
            assertFalse(UpstreamFailure.of(new AcronisApiException(status, null)).mayHaveActed(), "status " + status);
        }
        assertFalse(UpstreamFailure.of(new AcronisUnavailableException(Reason.UNREACHABLE, null)).mayHaveActed());
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
