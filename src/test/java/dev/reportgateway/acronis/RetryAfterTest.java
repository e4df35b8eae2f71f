package dev.reportgateway.acronis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** {@code Retry-After} as the platform may send it: seconds, an HTTP date, or nonsense. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void secondsAndDates() {
        assertEquals(Duration.ofSeconds(7), AcronisApiException.retryAfter("7", NOW));
        assertEquals(Duration.ofSeconds(90), AcronisApiException.retryAfter("Fri, 27 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, AcronisApiException.retryAfter("Fri, 27 Nov 2026 09:00:00 GMT", NOW));
    }

    @Test
    void absentOrUnreadableIsNothing() {
        assertNull(AcronisApiException.retryAfter(null, NOW));
        assertNull(AcronisApiException.retryAfter("soon", NOW));
        assertNull(AcronisApiException.retryAfter("-5", NOW));
    }
}
