package dev.reportgateway.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long, and how many, create answers are kept for {@code Idempotency-Key} replays (per replica, in memory). */
@ConfigMapping(prefix = "gateway.idempotency")
public interface IdempotencyConfig {

    /** How long a create answer can be replayed. */
    @WithDefault("24h")
    Duration ttl();

    /** Most answers kept at once; the oldest go first. */
    @WithDefault("10000")
    long maxEntries();
}
