package dev.reportgateway.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the gateway's own HTTP API. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Largest request body accepted; a larger one is answered 413. */
    @WithDefault("64K")
    MemorySize maxBodySize();
}
