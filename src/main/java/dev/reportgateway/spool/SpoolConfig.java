package dev.reportgateway.spool;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and how much the gateway spools downloaded stored reports to disk (the usage endpoint reads them twice). */
@ConfigMapping(prefix = "gateway.spool")
public interface SpoolConfig {

    /**
     * The directory the gateway owns for spool files (created mode 0700; files left there by processes that are gone
     * are deleted at startup). Default: {@code <java.io.tmpdir>/acronis-report-gateway-spool}.
     */
    Optional<Path> dir();

    /** Largest stored report spooled (as downloaded, before decompression); a larger one is answered 502. */
    @WithDefault("256M")
    MemorySize maxSize();
}
