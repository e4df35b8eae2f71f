package dev.reportgateway.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a tenant's offering items (the units of its usage) are kept before they are asked for again. */
@ConfigMapping(prefix = "gateway.offering-items")
public interface OfferingItemsConfig {

    /** How long one tenant's list is reused; units rarely change within a billing period. */
    @WithDefault("1h")
    Duration cacheTtl();

    /** How many tenants' lists are kept at most. */
    @WithDefault("10000")
    long cacheSize();
}
