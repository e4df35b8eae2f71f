package dev.reportgateway.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long create answers are kept for {@code Idempotency-Key} replays, and how long one create holds its key. */
@ConfigMapping(prefix = "gateway.idempotency")
public interface IdempotencyConfig {

    /** How long a create answer can be replayed (and a key with an unknown outcome is kept). */
    @WithDefault("24h")
    Duration ttl();

    /**
     * How long a create holds its key before another request may take it over, counted again just before the
     * upstream call: longer than one create call with all its retries. A replica that dies mid-create blocks its
     * key this long; the request that takes the key over then looks for the report the dead one may have made.
     */
    @WithDefault("5m")
    Duration claimTimeout();
}
