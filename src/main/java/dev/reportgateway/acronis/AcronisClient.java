package dev.reportgateway.acronis;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.reportgateway.acronis.UpstreamMetrics.Operation;
import dev.reportgateway.acronis.model.ApiClient;
import dev.reportgateway.acronis.model.OfferingItems;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.StoredReports;
import dev.reportgateway.acronis.model.UuidList;

/**
 * The one way to the platform: each operation of {@link AcronisReportsApi} and {@link AcronisDownloadsApi} made
 * under the fault-tolerance policy of {@link UpstreamGuards}, timed by {@link UpstreamMetrics}, with transport
 * failures translated into {@link AcronisUnavailableException} and the token renewed once when the platform
 * answers 401. The reads a caller only hands on ({@code *Json}) keep the platform's bytes ({@link PlatformJson});
 * the others decode them. Every failure it throws is an {@link AcronisApiException}, an {@link AcronisUnavailableException}
 * or a fault-tolerance refusal, classified by {@link UpstreamFailure#of(Throwable)}.
 */
@ApplicationScoped
public class AcronisClient {

    private final AcronisReportsApi api;
    private final AcronisDownloadsApi downloads;
    private final AcronisTokens tokens;
    private final UpstreamGuards guards;
    private final UpstreamMetrics metrics;
    private final ObjectMapper json;

    AcronisClient(AcronisReportsApi api, AcronisDownloadsApi downloads, AcronisTokens tokens, UpstreamGuards guards,
            UpstreamMetrics metrics, ObjectMapper json) {
        this.api = api;
        this.downloads = downloads;
        this.tokens = tokens;
        this.guards = guards;
        this.metrics = metrics;
        this.json = json;
    }

    /** {@code POST /reports}, repeated only when the platform cannot have acted on it. */
    public Report createReport(ReportPost post) {
        return metrics.time(Operation.CREATE, () -> guards.create(() -> attempt(() -> api.createReport(post)), Report.class));
    }

    public Report fetchReport(String reportId) {
        return decoded(Operation.FETCH, () -> api.fetchReport(reportId), Report.class);
    }

    /** {@code GET /reports/{report_id}}, the platform's answer as it came. */
    public PlatformJson fetchReportJson(String reportId) {
        return passedOn(Operation.FETCH, () -> api.fetchReport(reportId));
    }

    /** {@code PUT}: a full replacement without a version precondition, so repeating it has the same effect. */
    public Report updateReport(String reportId, ReportPut put) {
        return idempotent(Operation.UPDATE, () -> api.updateReport(reportId, put), Report.class);
    }

    /**
     * {@code DELETE ?version=}. When an attempt may have deleted the report without the gateway learning it (a
     * 502/504 or a connection lost after sending), the platform's 404 to a repeated attempt means it is gone:
     * that is success. A 404 to the first attempt stays a 404.
     */
    public void deleteReport(String reportId, long version) {
        AtomicBoolean mayHaveDeleted = new AtomicBoolean();
        metrics.time(Operation.DELETE, () -> guards.idempotent(() -> {
            try {
                return attempt(() -> {
                    api.deleteReport(reportId, version);
                    return null;
                });
            } catch (RuntimeException failed) {
                if (mayHaveDeleted.get() && failed instanceof AcronisApiException rejected && rejected.status() == 404) {
                    return null;
                }
                if (UpstreamFailure.of(failed).mayHaveActed()) {
                    mayHaveDeleted.set(true);
                }
                throw failed;
            }
        }, Void.class));
    }

    public UuidList tenantReports(String tenantId) {
        return decoded(Operation.TENANT_REPORTS, () -> api.tenantReports(tenantId), UuidList.class);
    }

    /** {@code GET /tenants/{tenant_id}/reports}, the platform's answer as it came. */
    public PlatformJson tenantReportsJson(String tenantId) {
        return passedOn(Operation.TENANT_REPORTS, () -> api.tenantReports(tenantId));
    }

    public StoredReports storedReports(String reportId) {
        return decoded(Operation.STORED_REPORTS, () -> api.storedReports(reportId), StoredReports.class);
    }

    /** {@code GET /reports/{report_id}/stored}, the platform's answer as it came. */
    public PlatformJson storedReportsJson(String reportId) {
        return passedOn(Operation.STORED_REPORTS, () -> api.storedReports(reportId));
    }

    public OfferingItems offeringItems(String tenantId) {
        return idempotent(Operation.OFFERING_ITEMS, () -> api.offeringItems(tenantId), OfferingItems.class);
    }

    public ApiClient fetchClient(String clientId) {
        return idempotent(Operation.CLIENT, () -> api.fetchClient(clientId), ApiClient.class);
    }

    /** Opens a stored report's download: its bytes as the platform sends them (maybe gzip), not buffered. */
    public InputStream download(String reportId, String storedReportId) {
        Response answer = idempotent(Operation.DOWNLOAD, () -> downloads.download(reportId, storedReportId), Response.class);
        return answer.readEntity(InputStream.class);
    }

    /** A GET, PUT or DELETE under the policy that repeats it after transient failures, timed as {@code operation}. */
    private <T> T idempotent(Operation operation, Supplier<T> call, Class<T> type) {
        return metrics.time(operation, () -> guards.idempotent(() -> attempt(call), type));
    }

    /**
     * Makes one upstream attempt. A 401 means the platform no longer accepts the cached token: it is dropped
     * and the attempt is made once more with a new one. Transport failures and unreadable answers become
     * {@link AcronisUnavailableException}.
     */
    private <T> T attempt(Supplier<T> call) {
        long tokenGeneration = tokens.generation();
        try {
            return translateFailures(call);
        } catch (AcronisApiException rejected) {
            if (rejected.status() == 401 && tokens.discardRejected(tokenGeneration)) {
                return translateFailures(call);
            }
            throw rejected;
        }
    }

    /** A read whose answer the caller hands on as the platform's bytes, checked by {@link PlatformJson#checked}. */
    private PlatformJson passedOn(Operation operation, Supplier<byte[]> call) {
        return idempotent(operation, () -> PlatformJson.checked(call.get()), PlatformJson.class);
    }

    /**
     * A read whose answer the gateway needs the fields of, decoded within the attempt in one pass: an answer that is
     * missing, {@code null}, not a JSON object of {@code type}'s shape or followed by more text is unreadable, as
     * {@link PlatformJson#checked} has it.
     */
    private <T> T decoded(Operation operation, Supplier<byte[]> call, Class<T> type) {
        ObjectReader reader = json.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return idempotent(operation, () -> {
            byte[] body = call.get();
            T value;
            try {
                value = body == null ? null : reader.readValue(body);
            } catch (IOException unreadable) {
                throw new AcronisUnavailableException(AcronisUnavailableException.Reason.UNREADABLE, unreadable);
            }
            if (value == null) { // no body, or the JSON literal null
                throw new AcronisUnavailableException(AcronisUnavailableException.Reason.UNREADABLE, null);
            }
            return value;
        }, type);
    }

    private static <T> T translateFailures(Supplier<T> call) {
        try {
            return call.get();
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
