package dev.reportgateway.acronis;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Fixed, documented, fake identity of the embedded sandbox; it opens the simulator and nothing else. The one mapping of
 * {@code acronis.sandbox.*}: the gateway presents these credentials in sandbox mode ({@link AcronisConfig#sandboxMode()})
 * and the simulator accepts them.
 */
@ConfigMapping(prefix = "acronis.sandbox")
public interface SandboxConfig {

    /** Client id the sandbox always issues tokens for. */
    String clientId();

    /** Client secret the sandbox accepts for {@link #clientId()}. */
    String clientSecret();

    /** The partner tenant every accepted client belongs to and every report must name. */
    String tenantId();

    /** How long an issued access token stays valid (the platform uses two hours). */
    @WithDefault("2h")
    Duration tokenLifetime();

    /** How long a stored report stays {@code in_progress} after its report is created (the platform: 1–2 min). */
    @WithDefault("2s")
    Duration storedReportDelay();

    /**
     * The columns of csv_v2_0 files: {@code full} (every column the sandbox knows, with {@code measurement_unit},
     * {@code tenant.name} and {@code sku}) or {@code vendor} (only those Acronis' own parser reads, in another order).
     */
    @WithDefault("full")
    CsvColumns csvColumns();

    /** The column sets of {@link #csvColumns()}. */
    enum CsvColumns {
        FULL, VENDOR
    }
}
