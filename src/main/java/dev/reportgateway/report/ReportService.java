package dev.reportgateway.report;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.AcronisConfig;
import dev.reportgateway.acronis.AcronisCredentials;
import dev.reportgateway.acronis.AcronisDownloadsApi;
import dev.reportgateway.acronis.AcronisReportsApi;
import dev.reportgateway.acronis.AcronisTokens;
import dev.reportgateway.acronis.AcronisUnavailableException;
import dev.reportgateway.acronis.model.ApiClient;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.StoredReport;
import dev.reportgateway.acronis.model.StoredReports;
import dev.reportgateway.acronis.model.UuidList;
import dev.reportgateway.metrics.MetricNames;
import dev.reportgateway.report.UpstreamMetrics.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's policy in front of the platform's reports API: validates every request before any upstream
 * call, fills the documented defaults, replays idempotent creates, runs every call under the fault-tolerance
 * policy of {@link UpstreamGuards} and timed by {@link UpstreamMetrics}, and renews the platform token once when the
 * platform rejects it.
 */
@ApplicationScoped
public class ReportService {

    private final AcronisReportsApi api;
    private final AcronisTokens tokens;
    private final AcronisCredentials credentials;
    private final AcronisConfig config;
    private final UpstreamGuards guards;
    private final UpstreamMetrics metrics;
    private final IdempotencyStore idempotency;
    private final Counter replays;
    private final AcronisDownloadsApi downloads;
    private final CreateReportValidator createValidator;
    private final UpdateReportValidator updateValidator = new UpdateReportValidator();

    private volatile String clientTenantId;

    ReportService(AcronisReportsApi api, AcronisDownloadsApi downloads, AcronisTokens tokens, AcronisCredentials credentials,
            AcronisConfig config, UpstreamGuards guards, UpstreamMetrics metrics, IdempotencyStore idempotency, Clock clock,
            MeterRegistry registry) {
        this.api = api;
        this.downloads = downloads;
        this.tokens = tokens;
        this.credentials = credentials;
        this.config = config;
        this.guards = guards;
        this.metrics = metrics;
        this.idempotency = idempotency;
        this.replays = registry.counter(MetricNames.IDEMPOTENCY_REPLAYS);
        this.createValidator = new CreateReportValidator(clock);
    }

    /** A created report, and whether it is the replay of an earlier answer to the same idempotency key. */
    public record Created(Report report, boolean replayed) {
    }

    /**
     * Creates a report from a {@code reportPost} body. Defaults: {@code parameters.tenant_id} is the configured
     * tenant or the API client's own; {@code recipients} is {@code []} for {@code save} when none are given.
     * With an idempotency key, the first successful answer for that caller and key is replayed for the same
     * body; another body is refused, and so is a second request while the first one runs.
     */
    public Created create(String caller, String idempotencyKey, JsonNode body) {
        ReportPost post = withDefaults(createValidator.validate(body));
        if (idempotencyKey == null) {
            return new Created(createUpstream(post), false);
        }
        IdempotencyStore.Claim claim = idempotency.claim(caller, IdempotencyKeys.require(idempotencyKey), digest(body));
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            replays.increment();
            return new Created(replay.report(), true);
        }
        IdempotencyStore.Claim.Fresh fresh = (IdempotencyStore.Claim.Fresh) claim;
        try {
            Report report = createUpstream(post);
            idempotency.complete(fresh, report);
            return new Created(report, false);
        } catch (RuntimeException failed) {
            idempotency.release(fresh);
            throw failed;
        }
    }

    /**
     * The tenant a create of this {@code reportPost} body is for: its {@code parameters.tenant_id}, or the default
     * {@link #create} fills in. An invalid body is refused as {@link #create} refuses it.
     */
    public String effectiveTenant(JsonNode body) {
        return withDefaults(createValidator.validate(body)).parameters().tenantId();
    }

    /** Fetches a report's configuration, including the {@code version} a delete needs. */
    public Report fetch(String reportId) {
        String id = Ids.requireUuid("report_id", reportId);
        return read(Operation.FETCH, () -> api.fetchReport(id), Report.class);
    }

    /** Deletes a report; {@code version} must be the report's current version (a positive integer). */
    public void delete(String reportId, String version) {
        List<FieldError> errors = new ArrayList<>();
        String id = Ids.check(errors, "report_id", reportId);
        Long parsedVersion = positiveInteger(version);
        if (parsedVersion == null) {
            errors.add(new FieldError("version", version == null || version.isBlank()
                    ? "is required: the report's current version, as returned by create or fetch"
                    : "must be a positive integer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        read(Operation.DELETE, () -> {
            api.deleteReport(id, parsedVersion);
            return null;
        }, Void.class);
    }

    /** Updates a scheduled report (the platform refuses one-time reports) from a {@code reportPut} body. */
    public Report update(String reportId, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String id = Ids.check(errors, "report_id", reportId);
        ReportPut put = null;
        try {
            put = updateValidator.validate(body);
        } catch (InvalidRequestException invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ReportPut validated = put;
        return read(Operation.UPDATE, () -> api.updateReport(id, validated), Report.class);
    }

    /** The ids of a tenant's reports. */
    public UuidList tenantReports(String tenantId) {
        String id = Ids.requireUuid("tenant_id", tenantId);
        return read(Operation.TENANT_REPORTS, () -> api.tenantReports(id), UuidList.class);
    }

    /** The stored reports (generated files) of a report, with their formats and statuses. */
    public StoredReports storedReports(String reportId) {
        String id = Ids.requireUuid("report_id", reportId);
        return read(Operation.STORED_REPORTS, () -> api.storedReports(id), StoredReports.class);
    }

    /** A stored report being downloaded: what it is, and its bytes as the platform sends them (maybe gzip). */
    public record StoredFile(String reportId, StoredReport stored, InputStream content) {
    }

    /**
     * Opens the download of a saved stored report. Its entry in the report's stored list says its format and
     * whether it is ready: unknown, {@code in_progress} and {@code failed} are refused before any download.
     */
    public StoredFile download(String reportId, String storedReportId) {
        List<FieldError> errors = new ArrayList<>();
        String id = Ids.check(errors, "report_id", reportId);
        String storedId = Ids.check(errors, "stored_report_id", storedReportId);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        StoredReport stored = Optional.ofNullable(storedReports(id).items()).orElse(List.of()).stream()
                .filter(item -> storedId.equalsIgnoreCase(item.id()))
                .findFirst()
                .orElseThrow(() -> new StoredReportUnavailableException(StoredReportUnavailableException.Kind.NOT_FOUND));
        if ("in_progress".equals(stored.status())) {
            throw new StoredReportUnavailableException(StoredReportUnavailableException.Kind.IN_PROGRESS);
        }
        if ("failed".equals(stored.status())) {
            throw new StoredReportUnavailableException(StoredReportUnavailableException.Kind.FAILED);
        }
        Response answer = read(Operation.DOWNLOAD, () -> downloads.download(id, storedId), Response.class);
        return new StoredFile(id, stored, answer.readEntity(InputStream.class));
    }

    private Report createUpstream(ReportPost post) {
        return metrics.time(Operation.CREATE, () -> guards.create(() -> call(() -> api.createReport(post)), Report.class));
    }

    /** A GET, PUT or DELETE upstream call under the read policy, timed as {@code operation}. */
    private <T> T read(Operation operation, Supplier<T> upstreamCall, Class<T> type) {
        return metrics.time(operation, () -> guards.read(() -> call(upstreamCall), type));
    }

    private ReportPost withDefaults(ReportPost post) {
        ReportPost filled = post;
        if (filled.parameters().tenantId() == null) {
            filled = filled.withParameters(filled.parameters().withTenantId(defaultTenantId()));
        }
        if (filled.recipients() == null && "save".equals(filled.resultAction())) {
            filled = filled.withRecipients(List.of());
        }
        return filled;
    }

    private static Long positiveInteger(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return null;
        }
        long value = Long.parseLong(text);
        return value > 0 ? value : null;
    }

    /** The configured tenant, or the API client's own tenant, asked of the platform once. */
    private String defaultTenantId() {
        if (config.tenantId().isPresent()) {
            return Ids.requireUuid("acronis.tenant-id", config.tenantId().get());
        }
        String known = clientTenantId;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (clientTenantId == null) {
                String clientId = credentials.clientId().orElseThrow(() -> new InvalidRequestException("parameters.tenant_id",
                        "is required: no acronis.tenant-id or acronis.client-id is configured to default it from"));
                String tenant = read(Operation.CLIENT, () -> api.fetchClient(clientId), ApiClient.class).tenantId();
                clientTenantId = Ids.requireUuid("tenant_id", tenant);
            }
            return clientTenantId;
        }
    }

    private static String digest(JsonNode body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }

    /**
     * Makes one upstream attempt. A 401 means the platform no longer accepts the cached token: it is dropped
     * and the attempt is made once more with a new one. Transport failures and unreadable answers become
     * {@link AcronisUnavailableException}.
     */
    private <T> T call(Supplier<T> upstreamCall) {
        long tokenGeneration = tokens.generation();
        try {
            return translateFailures(upstreamCall);
        } catch (AcronisApiException rejected) {
            if (rejected.status() == 401 && tokens.discardRejected(tokenGeneration)) {
                return translateFailures(upstreamCall);
            }
            throw rejected;
        }
    }

    private static <T> T translateFailures(Supplier<T> upstreamCall) {
        try {
            return upstreamCall.get();
        } catch (ProcessingException failed) {
            if (failed.getCause() instanceof AcronisApiException rejected) {
                throw rejected;
            }
            throw AcronisUnavailableException.classify(failed);
        } catch (WebApplicationException unreadable) {
            // the client's own failure to read a 2xx answer (e.g. malformed JSON); never answer with its status
            throw new AcronisUnavailableException(AcronisUnavailableException.Reason.UNREADABLE, unreadable);
        }
    }
}
