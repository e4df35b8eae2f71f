package dev.reportgateway.billing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.UpstreamFailure;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.StoredReport;
import dev.reportgateway.metrics.MetricNames;
import dev.reportgateway.report.InvalidRequestException;
import dev.reportgateway.report.ReportService;
import dev.reportgateway.report.StoredReportUnavailableException;
import dev.reportgateway.report.TenantOfferingItems;
import dev.reportgateway.spool.SpoolDirectory;
import dev.reportgateway.spool.SpoolFile;
import dev.reportgateway.spool.SpoolLimitException;
import dev.reportgateway.store.Database;
import dev.reportgateway.store.RunRow;
import dev.reportgateway.store.RunStore;
import dev.reportgateway.store.StoreException;
import dev.reportgateway.store.UsageRowRecord;
import dev.reportgateway.store.UsageRowStore;
import dev.reportgateway.usage.BillingRules;
import dev.reportgateway.usage.BillingRulesConfig;
import dev.reportgateway.usage.UsageBilling;
import dev.reportgateway.usage.UsageFormat;
import dev.reportgateway.usage.UsageFormatException;
import dev.reportgateway.usage.UsageLimitException;
import dev.reportgateway.usage.UsageLimits;
import dev.reportgateway.usage.UsageLimitsConfig;
import dev.reportgateway.usage.UsageReportReader;
import dev.reportgateway.usage.UsageRow;
import dev.reportgateway.usage.UsageWarning;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.scheduler.Scheduled;

/**
 * Executes billing runs, one stage after the other, each persisted before the next starts. A replica claims a due
 * run ({@link RunStore#claimDue}: row lock, {@code SKIP LOCKED}, lease) and holds it while it works; every save is
 * fenced by the lease, so a replica that lost it stops. While the platform generates the report, the run is
 * released between two looks at the stored list ({@code next_attempt_at}), so a restart or another replica picks it
 * up where it was. A failure the platform may recover from (busy, 5xx, timeouts, an open circuit) retries the stage
 * later with backoff until the run's deadline; any other fails the run with its stage and problem.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);
    private static final TypeReference<Set<String>> ID_SET = new TypeReference<>() {
    };
    /** The caller name the run's own upstream calls carry in logs. */
    private static final String CALLER = "billing-run";
    /** Progress of a long stage is saved (and the lease extended) at most this often. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final RunStore runs;
    private final UsageRowStore rows;
    private final ReportService reports;
    private final TenantOfferingItems offeringItems;
    private final SpoolDirectory spools;
    private final UsageLimits limits;
    private final BillingRules rules;
    private final BillingConfig config;
    private final RunProblems problems;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Database database;
    private final String owner = "gateway-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore slots;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
    private volatile boolean serving;

    RunWorker(RunStore runs, UsageRowStore rows, ReportService reports, TenantOfferingItems offeringItems, SpoolDirectory spools,
            UsageLimitsConfig limits, BillingRulesConfig rules, BillingConfig config, RunProblems problems, ObjectMapper json,
            Clock clock, MeterRegistry registry, Database database) {
        this.runs = runs;
        this.rows = rows;
        this.reports = reports;
        this.offeringItems = offeringItems;
        this.spools = spools;
        this.limits = limits.limits();
        this.rules = rules.rules();
        this.config = config;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
        this.registry = registry;
        this.database = database;
        this.slots = new Semaphore(config.workers());
        this.executor = Executors.newFixedThreadPool(config.workers(), daemon("billing-run-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("billing-run-timer-"));
    }

    /**
     * Runs are worked on once the HTTP server listens (the embedded sandbox is reached through it). On the embedded
     * database (one process only), leases left in it are of a process that is gone.
     */
    void onStart(@ObservesAsync HttpServerStart started) {
        if (database.kind() == Database.Kind.H2) {
            int released = runs.releaseAllLeases();
            if (released > 0) {
                LOG.infof("Resuming %d billing run(s) of the previous process", released);
            }
        }
        serving = true;
        wake();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        executor.shutdownNow();
    }

    /** The name this replica's leases carry. */
    public String owner() {
        return owner;
    }

    /** Looks for due runs now (also every {@code gateway.billing.sweep-interval}: runs of other replicas, restarts). */
    @Scheduled(every = "${gateway.billing.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void wake() {
        while (serving && slots.tryAcquire()) {
            Optional<RunRow> claimed;
            try {
                Instant now = clock.instant();
                claimed = runs.claimDue(owner, now, now.plus(config.lease()));
            } catch (RuntimeException failed) {
                slots.release();
                LOG.warnf("Cannot look for due billing runs: %s", failed.getMessage());
                return;
            }
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            try {
                executor.execute(() -> {
                    ScheduledFuture<?> heartbeat = heartbeat(claimed.get().id);
                    try {
                        execute(claimed.get());
                    } finally {
                        heartbeat.cancel(false);
                        slots.release();
                    }
                });
            } catch (RuntimeException shuttingDown) {
                slots.release();
                return;
            }
        }
    }

    /**
     * Extends the lease every third of its length while this process works on the run, however long one upstream
     * call takes (a create with its retries may take minutes): only a process that is gone or cut off loses it.
     */
    private ScheduledFuture<?> heartbeat(String runId) {
        long every = Math.max(1, config.lease().toMillis() / 3);
        return timer.scheduleAtFixedRate(() -> {
            try {
                runs.renewLease(runId, owner, now().plus(config.lease()));
            } catch (RuntimeException failed) {
                LOG.warnf("Billing run %s: cannot renew its lease: %s", runId, failed.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Works on a claimed run until it waits, finishes or the lease is lost. */
    void execute(RunRow run) {
        RunStatus stage = RunStatus.of(run.status);
        try {
            while (true) {
                stage = RunStatus.of(run.status);
                if (!stage.active()) {
                    deleteUpstreamReport(run);
                    return;
                }
                if (run.cancelRequested || runs.cancelRequested(run.id)) {
                    cancel(run);
                    continue;
                }
                if (!clock.instant().isBefore(run.deadlineAt)) {
                    fail(run, stage, new RunDeadlineException(config.deadline()), true);
                    continue;
                }
                try {
                    switch (stage) {
                        case QUEUED -> advance(run, RunStatus.CREATING);
                        case CREATING -> create(run);
                        case GENERATING -> {
                            if (!poll(run)) {
                                return;
                            }
                        }
                        default -> fetchAndParse(run);
                    }
                } catch (RunCancelledException cancelled) {
                    run.cancelRequested = true;
                }
            }
        } catch (LeaseLostException lost) {
            LOG.infof("Billing run %s: another replica took it over (lease lost) in stage %s", run.id, stage.label());
        } catch (RuntimeException failure) {
            onFailure(run, RunStatus.of(run.status), failure);
        }
    }

    /** Lists the tenant's reports (persisted), then creates the report, unless an earlier attempt already did. */
    private void create(RunRow run) {
        RunSpec spec = spec(run);
        Report report = null;
        if (run.reportsBefore == null) {
            run.reportsBefore = write(reports.reportIdsOf(run.tenantId));
            save(run);
        } else {
            report = reports.createdSince(read(run.reportsBefore, ID_SET), spec.reportBody()).orElse(null);
            if (report != null) {
                LOG.infof("Billing run %s: found report %s made by an earlier attempt; not creating another", run.id, report.id());
            }
        }
        if (report == null) {
            report = reports.create(CALLER, null, spec.reportBody()).report();
        }
        run.reportId = report.id();
        run.reportVersion = report.version();
        run.polls = 0;
        run.attempts = 0;
        advance(run, RunStatus.GENERATING);
    }

    /** One look at the stored list: true when the report is ready (now downloading), false when it waits. */
    private boolean poll(RunRow run) {
        List<StoredReport> stored = Optional.ofNullable(reports.storedReports(run.reportId).items()).orElse(List.of());
        run.polls++;
        StoredReport file = stored.stream()
                .filter(item -> RunSpec.FORMAT.equals(item.reportFormat()) || item.reportFormat() == null && stored.size() == 1)
                .findFirst().orElse(null);
        if (file != null && "failed".equals(file.status())) {
            throw new StoredReportFailedException(run.reportId, file.id());
        }
        if (file != null && !"in_progress".equals(file.status())) {
            run.storedReportId = file.id();
            run.reportFormat = file.reportFormat() == null ? RunSpec.FORMAT : file.reportFormat();
            run.nextAttemptAt = null;
            advance(run, RunStatus.DOWNLOADING);
            return true;
        }
        waitUntil(run, clock.instant().plus(pollDelay(run.polls)));
        return false;
    }

    /** Downloads the stored report to a spool file, then parses it into stored usage rows, then the run is done. */
    private void fetchAndParse(RunRow run) {
        if (!RunStatus.DOWNLOADING.label().equals(run.status)) { // resumed while parsing: the spool file went with the process
            advance(run, RunStatus.DOWNLOADING);
        }
        run.bytesDownloaded = 0;
        run.rowsParsed = 0;
        Progress progress = new Progress(run);
        ReportService.StoredFile file = reports.download(reports.ready(run.reportId, run.storedReportId));
        try (SpoolFile spool = spool(new CountingInputStream(file.content(), progress::bytes))) {
            run.bytesDownloaded = spool.size();
            advance(run, RunStatus.PARSING);
            rows.deleteRows(run.id);
            UsageBilling billing = new UsageBilling(rules, UnitCatalogs.forTenant(() -> run.tenantId, offeringItems));
            long[] count = { 0 };
            try (UsageRowStore.Writer writer = rows.writer(run.id, config.batchSize())) {
                UsageReportReader.read(spool.open(), UsageFormat.fromName(run.reportFormat), limits, billing, row -> {
                    if (writer.add(record(++count[0], row))) {
                        progress.rows(count[0]);
                    }
                });
                writer.flush();
            }
            run.rowsParsed = count[0];
            run.warnings = write(billing.warnings());
            for (UsageWarning warning : billing.warnings()) {
                LOG.warnf("Billing run %s: %s (%d rows)", run.id, warning.message(), warning.rows());
                registry.counter(MetricNames.USAGE_WARNINGS, MetricNames.KIND, warning.type()).increment(warning.rows());
            }
            registry.counter(MetricNames.BILLING_ROWS).increment(count[0]);
            finish(run, RunStatus.DONE);
            LOG.infof("Billing run %s done: %d usage rows of tenant %s, %s to %s", run.id, count[0], run.tenantId,
                    run.periodStart, run.periodEnd);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private SpoolFile spool(InputStream in) {
        try {
            return spools.spool(in);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Stops the run; its report (found first if its create's outcome is unknown) is deleted next. */
    private void cancel(RunRow run) {
        if (run.reportId == null && run.reportsBefore != null) {
            reports.createdSince(read(run.reportsBefore, ID_SET), spec(run).reportBody()).ifPresent(report -> {
                run.reportId = report.id();
                run.reportVersion = report.version();
            });
        }
        rows.deleteRows(run.id);
        run.rowsParsed = 0;
        finish(run, RunStatus.CANCELLED);
        LOG.infof("Billing run %s cancelled", run.id);
    }

    private void fail(RunRow run, RunStatus stage, Throwable failure, boolean retryable) {
        run.failedStage = stage.label();
        run.retryable = retryable;
        run.problem = write(problems.describe(failure, "/billing/runs/" + run.id));
        finish(run, RunStatus.FAILED);
        LOG.warnf("Billing run %s failed in stage %s: %s", run.id, stage.label(), failure.getMessage());
    }

    /** A terminal status; the upstream report is deleted next (unless kept), so that is due now. */
    private void finish(RunRow run, RunStatus status) {
        run.finishedAt = now();
        run.nextAttemptAt = run.finishedAt;
        if (status != RunStatus.DONE) {
            run.liveKey = null; // a new run of the same tenant, period and level may start
        }
        advance(run, status);
        registry.counter(MetricNames.BILLING_RUNS, MetricNames.STATUS, status.label()).increment();
    }

    /** Deletes a finished run's upstream report (a cancelled run's always, others' unless kept), then releases the run. */
    private void deleteUpstreamReport(RunRow run) {
        boolean wanted = run.reportId != null && !run.reportDeleted
                && (!run.keepReport || RunStatus.CANCELLED.label().equals(run.status));
        if (wanted) {
            try {
                deleteReport(run);
                run.reportDeleted = true;
            } catch (RuntimeException failure) {
                UpstreamFailure kind = UpstreamFailure.of(failure);
                if (transientFailure(kind)) {
                    run.attempts++;
                    waitUntil(run, clock.instant().plus(retryDelay(run.attempts, failure)));
                    return;
                }
                LOG.warnf("Billing run %s: the platform refused to delete report %s (%s); delete it there", run.id,
                        run.reportId, failure.getMessage());
            }
        }
        run.nextAttemptAt = null;
        release(run);
    }

    private void deleteReport(RunRow run) {
        try {
            reports.delete(run.reportId, String.valueOf(run.reportVersion == null ? 1 : run.reportVersion));
        } catch (AcronisApiException refused) {
            if (refused.status() == 404) {
                return; // gone already
            }
            if (!refused.hasCode(AcronisApiException.VERSION_MISMATCH)) {
                throw refused;
            }
            Report current = reports.fetch(run.reportId);
            reports.delete(run.reportId, String.valueOf(current.version()));
        }
    }

    private void onFailure(RunRow run, RunStatus stage, RuntimeException failure) {
        UpstreamFailure kind = UpstreamFailure.of(failure);
        try {
            if (failure instanceof StoreException || transientFailure(kind)) {
                run.attempts++;
                Instant next = clock.instant().plus(retryDelay(run.attempts, failure));
                LOG.warnf("Billing run %s, stage %s: %s; trying again at %s", run.id, stage.label(), failure.getMessage(), next);
                waitUntil(run, next);
            } else {
                if (kind == UpstreamFailure.OTHER && !expected(failure)) {
                    LOG.errorf(failure, "Billing run %s failed unexpectedly in stage %s", run.id, stage.label());
                }
                fail(run, stage, failure, failure instanceof RunStageException stageFailure && stageFailure.retryable());
                execute(run); // deletes the report, releases the run
            }
        } catch (LeaseLostException lost) {
            LOG.infof("Billing run %s: lease lost while recording a failure", run.id);
        } catch (RuntimeException unsaved) {
            LOG.warnf("Billing run %s: cannot record its failure (%s); its lease runs out and it is retried", run.id,
                    unsaved.getMessage());
        }
    }

    /** A failure the gateway foresees (a bad report, a limit, a refused request): no stack trace in the log. */
    private static boolean expected(RuntimeException failure) {
        return failure instanceof RunStageException || failure instanceof UsageFormatException || failure instanceof UsageLimitException
                || failure instanceof SpoolLimitException || failure instanceof InvalidRequestException
                || failure instanceof StoredReportUnavailableException;
    }

    /** The platform may recover from this: try the stage again later (a create only where it cannot have acted twice). */
    private static boolean transientFailure(UpstreamFailure kind) {
        return kind.isPlatformFailure() && kind != UpstreamFailure.UNREADABLE
                || kind == UpstreamFailure.CIRCUIT_OPEN || kind == UpstreamFailure.BULKHEAD_FULL;
    }

    private Duration pollDelay(int polls) {
        double factor = Math.pow(1.5, Math.max(0, polls - 1));
        long millis = (long) Math.min(config.pollMax().toMillis(), config.pollInitial().toMillis() * factor);
        return Duration.ofMillis(millis);
    }

    /** Backoff after a failure: as between polls, or longer if the platform asked for it (Retry-After). */
    private Duration retryDelay(int attempts, Throwable failure) {
        Duration delay = pollDelay(attempts);
        if (failure instanceof AcronisApiException rejected && rejected.retryAfter().isPresent()
                && rejected.retryAfter().get().compareTo(delay) > 0) {
            return rejected.retryAfter().get();
        }
        return delay;
    }

    /** Releases the run until {@code next}, and wakes this replica then (another one may be first). */
    private void waitUntil(RunRow run, Instant next) {
        run.nextAttemptAt = next;
        release(run);
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        try {
            timer.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException shuttingDown) {
            // the sweep of whichever replica runs next picks the run up
        }
    }

    private void release(RunRow run) {
        run.leaseOwner = null;
        run.leaseUntil = null;
        run.updatedAt = now();
        if (!runs.save(run, owner)) {
            throw new LeaseLostException();
        }
    }

    private void advance(RunRow run, RunStatus next) {
        run.status = next.label();
        run.stageStartedAt = now();
        run.attempts = 0;
        save(run);
    }

    /** The time as the database keeps it (microseconds), so an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Saves the run, extending the lease; stops the work if the lease was lost. */
    private void save(RunRow run) {
        Instant now = now();
        run.updatedAt = now;
        run.leaseOwner = owner;
        run.leaseUntil = now.plus(config.lease());
        if (!runs.save(run, owner)) {
            throw new LeaseLostException();
        }
    }

    private UsageRowRecord record(long rowNo, UsageRow row) {
        return new UsageRowRecord(rowNo, row.tenantId(), row.tenantName(), row.tenantKind(), row.offeringItem(), row.sku(),
                row.billable() == null ? null : row.billable().quantity(), row.billable() == null ? null : row.billable().unit(),
                write(row));
    }

    private static RunSpec spec(RunRow run) {
        return new RunSpec(run.tenantId, run.periodStart, run.periodEnd, run.level, run.keepReport);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", impossible);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Unreadable JSON in a billing run row", corrupt);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Saves bytes and rows at most once per {@link #PROGRESS_EVERY} (extending the lease); stops on a lost lease or a cancel. */
    private final class Progress {
        private final RunRow run;
        private long lastSave = System.nanoTime();

        Progress(RunRow run) {
            this.run = run;
        }

        void bytes(long total) {
            run.bytesDownloaded = total;
            maybeSave();
        }

        void rows(long total) {
            run.rowsParsed = total;
            maybeSave();
        }

        private void maybeSave() {
            long now = System.nanoTime();
            if (now - lastSave < PROGRESS_EVERY.toNanos()) {
                return;
            }
            lastSave = now;
            Instant instant = clock.instant();
            if (!runs.progress(run.id, owner, run.bytesDownloaded, run.rowsParsed, instant, instant.plus(config.lease()))) {
                throw new LeaseLostException();
            }
            if (runs.cancelRequested(run.id)) {
                throw new RunCancelledException();
            }
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {
        private final LongConsumer total;
        private long count;

        CountingInputStream(InputStream in, LongConsumer total) {
            super(in);
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                total.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                total.accept(count);
            }
            return n;
        }
    }
}
