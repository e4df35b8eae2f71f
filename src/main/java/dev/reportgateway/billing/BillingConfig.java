package dev.reportgateway.billing;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How billing runs are executed (see docs/operations.md#billing-runs). */
@ConfigMapping(prefix = "gateway.billing")
public interface BillingConfig {

    /** How long a run may take, from its creation, before it fails; the stored report's generation is most of it. */
    @WithDefault("2h")
    Duration deadline();

    /** The first wait between two looks at the stored report list while the platform generates the report. */
    @WithDefault("2s")
    Duration pollInitial();

    /** The longest wait between two looks (the wait grows by half each time, up to this; a Retry-After may be longer). */
    @WithDefault("30s")
    Duration pollMax();

    /** How long a claimed run stays with a replica that stopped renewing it (renewed every third of it while working). */
    @WithDefault("60s")
    Duration lease();

    /** Runs one replica executes at once. */
    @WithDefault("2")
    int workers();

    /** How often a replica looks for due runs that no local event announced (another replica's, a restart's). */
    @WithDefault("1s")
    Duration sweepInterval();

    /** Usage rows written per database transaction. */
    @WithDefault("1000")
    int batchSize();

    /** How often the events stream of a run looks for changes. */
    @WithDefault("500ms")
    Duration eventsInterval();

    /** The monthly run. */
    Schedule schedule();

    /** Starts last month's run for the default tenant on a cron expression; off unless set. */
    interface Schedule {
        /** A Quarkus cron expression (e.g. {@code 0 0 6 2 * ?}: 06:00 on the 2nd), or {@code off}. */
        @WithDefault("off")
        String cron();

        /** The tenant of the scheduled run; default as for creates (acronis.tenant-id, else the API client's tenant). */
        Optional<String> tenantId();

        /** The report level of the scheduled run. */
        @WithDefault(RunSpec.DEFAULT_LEVEL)
        String level();
    }
}
