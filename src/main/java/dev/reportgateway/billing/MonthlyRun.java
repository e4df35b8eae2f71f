package dev.reportgateway.billing;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.scheduler.Scheduled;

/**
 * Starts last month's run on {@code gateway.billing.schedule.cron} (off by default). Every replica may fire it: the
 * uniqueness of a live run of one tenant, period and level makes it one run.
 */
@ApplicationScoped
class MonthlyRun {

    private static final Logger LOG = Logger.getLogger(MonthlyRun.class);

    private final BillingRuns runs;
    private final BillingConfig config;
    private final Clock clock;

    MonthlyRun(BillingRuns runs, BillingConfig config, Clock clock) {
        this.runs = runs;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "monthly-billing-run", cron = "${gateway.billing.schedule.cron:off}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void startLastMonth() {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("month", month.toString()).put("level", config.schedule().level());
        config.schedule().tenantId().ifPresent(tenant -> body.put("tenant_id", tenant));
        try {
            BillingRuns.Started started = runs.start("schedule", runs.resolve(body));
            LOG.infof("Scheduled billing run for %s: %s run %s", month, started.created() ? "started" : "found the live",
                    started.run().id());
        } catch (RuntimeException failed) {
            LOG.errorf("Scheduled billing run for %s could not start: %s", month, failed.getMessage());
        }
    }
}
