package dev.reportgateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The application's clock in {@code @QuarkusTest}s: the system clock (UTC) moved ahead by what a test asks, so a
 * test makes time pass instead of waiting for it. {@link UpstreamTest} puts it back before each test.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** Makes {@code time} pass at once. */
    public void advance(Duration time) {
        ahead = ahead.plus(time);
    }

    /** Back to the system clock. */
    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }
}
