package dev.reportgateway.report;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.AcronisClient;
import dev.reportgateway.acronis.AcronisConfig;
import dev.reportgateway.acronis.AcronisCredentials;
import dev.reportgateway.acronis.PlatformJson;
import dev.reportgateway.acronis.UpstreamFailure;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.StoredReport;
import dev.reportgateway.acronis.model.StoredReports;
import dev.reportgateway.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's policy in front of the platform's reports API: validates every request before any upstream
 * call, fills the documented defaults and replays idempotent creates; the calls themselves (retries, circuit
 * breaker, metrics, token renewal) are {@link AcronisClient}'s.
 */
@ApplicationScoped
public class ReportService {

    private final AcronisClient client;
    private final AcronisCredentials credentials;
    private final AcronisConfig config;
    private final IdempotencyStore idempotency;
    private final Counter replays;
    private final CreateReportValidator createValidator;
    private final UpdateReportValidator updateValidator = new UpdateReportValidator();

    private volatile String clientTenantId;

    ReportService(AcronisClient client, AcronisCredentials credentials, AcronisConfig config, IdempotencyStore idempotency,
            Clock clock, MeterRegistry registry) {
        this.client = client;
        this.credentials = credentials;
        this.config = config;
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
     * body; another body is refused, and so is a second request while the first one runs. The tenant's report
     * ids are listed before a keyed create and stored under the key with the body before the call; when its
     * outcome is unknown (timeout, 5xx, connection lost after sending, a gateway that died before storing the
     * answer), a retry with the key first looks among the tenant's new reports for one made from the same body,
     * and answers it instead of creating another.
     */
    public Created create(String caller, String idempotencyKey, JsonNode body) {
        ReportPost post = withDefaults(createValidator.validate(body));
        if (idempotencyKey == null) {
            return new Created(client.createReport(post), false);
        }
        IdempotencyStore.Claim claim = idempotency.claim(caller, IdempotencyKeys.require(idempotencyKey), digest(body));
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            replays.increment();
            return new Created(replay.report(), true);
        }
        IdempotencyStore.Claim.Fresh fresh = (IdempotencyStore.Claim.Fresh) claim;
        // whether the platform may hold a report of this body that the key does not answer: then the key keeps its attempt
        boolean mayExist = fresh.earlier() != null;
        try {
            IdempotencyStore.Attempt attempt = fresh.earlier();
            if (attempt != null) {
                Optional<Report> earlier = createdBy(attempt);
                if (earlier.isPresent()) {
                    idempotency.complete(fresh, earlier.get());
                    replays.increment();
                    return new Created(earlier.get(), true);
                }
            } else {
                attempt = new IdempotencyStore.Attempt(reportIds(post.parameters().tenantId()), post);
            }
            idempotency.attempting(fresh, attempt); // stored before the call: a retry after a crash looks for the report first
            mayExist = true;
            Report report;
            try {
                report = client.createReport(post);
            } catch (RuntimeException failed) {
                mayExist = fresh.earlier() != null || UpstreamFailure.of(failed).mayHaveActed();
                throw failed;
            }
            idempotency.complete(fresh, report);
            return new Created(report, false);
        } catch (RuntimeException failed) {
            try {
                if (mayExist) {
                    idempotency.unknown(fresh);
                } else {
                    idempotency.release(fresh);
                }
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
    }

    /** The report an earlier attempt made, if the tenant has a new one matching the body it sent. */
    private Optional<Report> createdBy(IdempotencyStore.Attempt attempt) {
        for (String id : reportIds(attempt.sent().parameters().tenantId())) {
            if (!attempt.reportIdsBefore().contains(id)) {
                Optional<Report> candidate = fetchIfPresent(id);
                if (candidate.isPresent() && attempt.madeFrom(candidate.get())) {
                    return candidate;
                }
            }
        }
        return Optional.empty();
    }

    /** The tenant's report ids now (lower case): what a create that must never be made twice lists before it. */
    public Set<String> reportIdsOf(String tenantId) {
        return reportIds(Ids.requireUuid("tenant_id", tenantId));
    }

    /**
     * The report a create of {@code body} made after {@code reportIdsBefore} was listed, if the platform has one: how a
     * create whose outcome is unknown (a crash, a timeout) is found instead of made again.
     */
    public Optional<Report> createdSince(Set<String> reportIdsBefore, JsonNode body) {
        return createdBy(new IdempotencyStore.Attempt(reportIdsBefore, withDefaults(createValidator.validate(body))));
    }

    private Optional<Report> fetchIfPresent(String reportId) {
        try {
            return Optional.of(client.fetchReport(reportId));
        } catch (AcronisApiException gone) {
            if (gone.status() == 404) {
                return Optional.empty();
            }
            throw gone;
        }
    }

    private Set<String> reportIds(String tenantId) {
        return Optional.ofNullable(client.tenantReports(tenantId).items()).orElse(List.of()).stream()
                .map(id -> id.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
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
        return client.fetchReport(Ids.requireUuid("report_id", reportId));
    }

    /** {@link #fetch}, as the platform answered it. */
    public PlatformJson fetchJson(String reportId) {
        return client.fetchReportJson(Ids.requireUuid("report_id", reportId));
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
        client.deleteReport(id, parsedVersion);
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
        return client.updateReport(id, put);
    }

    /** The ids of a tenant's reports, as the platform answered them. */
    public PlatformJson tenantReportsJson(String tenantId) {
        return client.tenantReportsJson(Ids.requireUuid("tenant_id", tenantId));
    }

    /** The stored reports (generated files) of a report, with their formats and statuses. */
    public StoredReports storedReports(String reportId) {
        return client.storedReports(Ids.requireUuid("report_id", reportId));
    }

    /** {@link #storedReports}, as the platform answered it. */
    public PlatformJson storedReportsJson(String reportId) {
        return client.storedReportsJson(Ids.requireUuid("report_id", reportId));
    }

    /** A stored report being downloaded: what it is, and its bytes as the platform sends them (maybe gzip). */
    public record StoredFile(String reportId, StoredReport stored, InputStream content) {
    }

    /** A stored report that is ready to download: its report's id (lower case) and its entry in the stored list. */
    public record ReadyFile(String reportId, StoredReport stored) {
    }

    /**
     * Checks that a stored report can be downloaded, without downloading it: its entry in the report's stored list
     * says its format and whether it is ready; unknown, {@code in_progress} and {@code failed} are refused.
     */
    public ReadyFile ready(String reportId, String storedReportId) {
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
        return new ReadyFile(id, stored);
    }

    /** Opens the download of a stored report {@link #ready} found ready. */
    public StoredFile download(ReadyFile file) {
        return new StoredFile(file.reportId(), file.stored(), client.download(file.reportId(), file.stored().id()));
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
    public String defaultTenantId() {
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
                String tenant = client.fetchClient(clientId).tenantId();
                clientTenantId = Ids.requireUuid("tenant_id", tenant);
            }
            return clientTenantId;
        }
    }

    private static String digest(JsonNode body) {
        return Digests.sha256Hex(body.toString());
    }
}
