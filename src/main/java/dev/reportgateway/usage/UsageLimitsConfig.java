package dev.reportgateway.usage;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on the stored reports the usage endpoint parses; a report past one is answered 502 naming it. */
@ConfigMapping(prefix = "gateway.usage")
public interface UsageLimitsConfig {

    /** Most columns of a CSV record, or scalar fields of one JSON usage object. */
    @WithDefault("512")
    int maxColumns();

    /** Longest cell, JSON name or JSON value, in characters. */
    @WithDefault("64K")
    MemorySize maxCellSize();

    /** Longest record: a CSV line, or one element of a JSON report's {@code tenants}, in characters or bytes. */
    @WithDefault("1M")
    MemorySize maxRecordSize();

    /** Largest report once decompressed, in bytes. */
    @WithDefault("4G")
    MemorySize maxDecompressedSize();

    /** These settings as parser limits. */
    default UsageLimits limits() {
        return new UsageLimits(maxColumns(), Math.toIntExact(maxCellSize().asLongValue()), maxRecordSize().asLongValue(),
                maxDecompressedSize().asLongValue());
    }
}
