package dev.reportgateway.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.report.IdempotencyConfig;
import dev.reportgateway.report.IdempotencyConflictException;
import dev.reportgateway.report.IdempotencyKeys;
import dev.reportgateway.report.ReportService;
import dev.reportgateway.store.IdempotencyKeyStore;
import dev.reportgateway.store.RunRow;
import dev.reportgateway.store.RunStore;
import dev.reportgateway.store.UsageRowRecord;
import dev.reportgateway.store.UsageRowStore;
import dev.reportgateway.usage.BillingRules;
import dev.reportgateway.usage.UsageRow;
import dev.reportgateway.usage.UsageWarning;

/**
 * Billing runs as the API offers them: start one (or find the live run of the same tenant, period and level),
 * read, list, cancel or delete, and read a finished run's usage rows from the database.
 */
@ApplicationScoped
public class BillingRuns {

    /** The scope of billing-run keys in the idempotency key table (report creates have their own). */
    private static final String KEY_SCOPE = "billing-run";
    /** How long a request holds its key while it starts a run (a database insert, no upstream call). */
    private static final Duration KEY_HOLD = Duration.ofMinutes(1);
    private static final TypeReference<List<UsageWarning>> WARNINGS = new TypeReference<>() {
    };

    private final RunStore runs;
    private final UsageRowStore rows;
    private final ReportService reports;
    private final RunWorker worker;
    private final BillingConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final IdempotencyKeyStore keys;
    private final IdempotencyConfig idempotency;

    BillingRuns(RunStore runs, UsageRowStore rows, ReportService reports, RunWorker worker, BillingConfig config,
            ObjectMapper json, Clock clock, IdempotencyKeyStore keys, IdempotencyConfig idempotency) {
        this.keys = keys;
        this.idempotency = idempotency;
        this.runs = runs;
        this.rows = rows;
        this.reports = reports;
        this.worker = worker;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** A run started, or the live run of the same tenant, period and level that was there first. */
    public record Started(BillingRun run, boolean created) {
    }

    /** What removing a run did. */
    public enum Removal {
        /** The run was active: it is being cancelled (its upstream report deleted) by the worker that holds it. */
        CANCELLING,
        /** The run was finished: it and its usage rows are deleted. */
        DELETED,
        /** The run is finished but its upstream report is still to be deleted: ask again shortly. */
        REPORT_PENDING
    }

    /** Reads and checks a run request; its tenant is filled in (the default, as for creates) so a scope can be checked. */
    public RunSpec resolve(JsonNode body) {
        RunSpec spec = RunSpec.read(body, clock);
        return spec.forTenant(reports.effectiveTenant(spec.reportBody()));
    }

    /**
     * {@link #start(String, RunSpec)} with an {@code Idempotency-Key}: the run the key started is answered again for
     * the same request (even once it failed); another request with the key is refused, and so is one while the first
     * is being started. Keys live in the database, shared by replicas, for {@code gateway.idempotency.ttl}.
     */
    public Started start(String caller, String idempotencyKey, RunSpec spec) {
        if (idempotencyKey == null) {
            return start(caller, spec);
        }
        Instant now = clock.instant();
        IdempotencyKeyStore.Claim claim = keys.claim(new IdempotencyKeyStore.Key(KEY_SCOPE, caller, IdempotencyKeys.require(idempotencyKey)),
                spec.digest(), now, now.plus(KEY_HOLD), now.plus(idempotency.ttl()));
        switch (claim.outcome()) {
            case DIFFERENT_BODY -> throw new IdempotencyConflictException(IdempotencyConflictException.Kind.DIFFERENT_BODY);
            case IN_FLIGHT -> throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_FLIGHT);
            case ANSWERED -> {
                Optional<RunRow> earlier = runs.find(claim.answer());
                if (earlier.isPresent()) {
                    return new Started(view(earlier.get()), false);
                }
                throw new RunNotFoundException(); // the run the key started was deleted since
            }
            default -> {
                try {
                    Started started = start(caller, spec);
                    keys.complete(claim, started.run().id(), clock.instant().plus(idempotency.ttl()));
                    return started;
                } catch (RuntimeException failed) {
                    keys.release(claim);
                    throw failed;
                }
            }
        }
    }

    /** Starts a run of {@code spec} (from {@link #resolve}) for {@code caller}, unless one of it is live. */
    public Started start(String caller, RunSpec spec) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RunRow run = new RunRow();
        run.id = UUID.randomUUID().toString();
        run.tenantId = spec.tenantId();
        run.periodStart = spec.start();
        run.periodEnd = spec.end();
        run.level = spec.level();
        run.keepReport = spec.keepReport();
        run.status = RunStatus.QUEUED.label();
        run.liveKey = spec.liveKey();
        run.createdBy = caller;
        run.createdAt = now;
        run.updatedAt = now;
        run.stageStartedAt = now;
        run.deadlineAt = now.plus(config.deadline());
        RunStore.Inserted inserted = runs.insertOrFindLive(run);
        if (inserted.created()) {
            worker.wake();
        }
        return new Started(view(inserted.run()), inserted.created());
    }

    public Optional<BillingRun> find(String id) {
        return runs.find(id).map(this::view);
    }

    /** The tenant of a run, to check a caller's scope before anything else. */
    public Optional<String> tenantOf(String id) {
        return runs.find(id).map(run -> run.tenantId);
    }

    /** A page of runs, newest first; {@code tenantIds} null means every tenant. */
    public List<BillingRun> list(Collection<String> tenantIds, LocalDate periodStart, RunStatus status, int offset, int limit) {
        return runs.list(tenantIds, periodStart, status == null ? null : status.label(), offset, limit).stream()
                .map(this::view).toList();
    }

    /** Cancels an active run or deletes a finished one; empty when there is no such run. */
    public Optional<Removal> remove(String id) {
        if (runs.find(id).isEmpty()) {
            return Optional.empty();
        }
        if (runs.requestCancel(id, clock.instant())) {
            worker.wake();
            return Optional.of(Removal.CANCELLING);
        }
        return switch (runs.deleteFinished(id)) {
            case DELETED -> Optional.of(Removal.DELETED);
            case REPORT_PENDING -> Optional.of(Removal.REPORT_PENDING);
            case ACTIVE_OR_GONE -> Optional.empty();
        };
    }

    /** Feeds the run's usage rows (those of one tenant when {@code tenantId} is not null) to {@code sink}, in report order. */
    public void usage(String runId, String tenantId, Consumer<UsageRow> sink) {
        rows.read(runId, tenantId, record -> sink.accept(row(record)));
    }

    /** The run's billable quantities per customer (tenant of kind {@code customer}) and item; one customer's when {@code tenantId} is set. */
    public RunCustomers customers(String runId, String tenantId) {
        return RunCustomers.of(runId, rows.billableTotals(runId, BillingRules.CUSTOMER_KIND, tenantId));
    }

    /** Feeds the run's usage rows as the JSON stored for each, in report order. */
    public void usageJson(String runId, String tenantId, Consumer<String> sink) {
        rows.read(runId, tenantId, record -> sink.accept(record.json()));
    }

    private UsageRow row(UsageRowRecord record) {
        try {
            return json.readValue(record.json(), UsageRow.class);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Unreadable usage row " + record.rowNo() + " in the database", corrupt);
        }
    }

    BillingRun view(RunRow run) {
        RunStatus status = RunStatus.of(run.status);
        BillingRun.UpstreamReport report = run.reportId == null ? null
                : new BillingRun.UpstreamReport(run.reportId, run.reportVersion, run.storedReportId, run.reportFormat, run.reportDeleted);
        BillingRun.Failure failure = run.failedStage == null ? null
                : new BillingRun.Failure(run.failedStage, Boolean.TRUE.equals(run.retryable), read(run.problem, JsonNode.class));
        return new BillingRun(run.id, status.label(), run.tenantId, new BillingRun.Period(run.periodStart, run.periodEnd), run.level,
                run.keepReport, run.createdAt, run.updatedAt, run.stageStartedAt, run.finishedAt, run.deadlineAt,
                run.cancelRequested, report,
                new BillingRun.Progress(run.polls, status == RunStatus.GENERATING ? run.nextAttemptAt : null, run.attempts,
                        run.bytesDownloaded, run.rowsParsed),
                run.warnings == null ? List.of() : readList(run.warnings), failure);
    }

    private List<UsageWarning> readList(String text) {
        try {
            return json.readValue(text, WARNINGS);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Unreadable warnings of a billing run", corrupt);
        }
    }

    private <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Unreadable JSON of a billing run", corrupt);
        }
    }
}
