package dev.reportgateway.acronis;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

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
        return idempotent(Operation.FETCH, () -> decode(api.fetchReport(reportId), Report.class), Report.class);
    }

    /** {@code GET /reports/{report_id}}, the platform's answer as it came. */
    public PlatformJson fetchReportJson(String reportId) {
        return idempotent(Operation.FETCH, () -> PlatformJson.checked(api.fetchReport(reportId)), PlatformJson.class);
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
        return idempotent(Operation.TENANT_REPORTS, () -> decode(api.tenantReports(tenantId), UuidList.class), UuidList.class);
    }

    /** {@code GET /tenants/{tenant_id}/reports}, the platform's answer as it came. */
    public PlatformJson tenantReportsJson(String tenantId) {
        return idempotent(Operation.TENANT_REPORTS, () -> PlatformJson.checked(api.tenantReports(tenantId)), PlatformJson.class);
    }

    public StoredReports storedReports(String reportId) {
        return idempotent(Operation.STORED_REPORTS, () -> decode(api.storedReports(reportId), StoredReports.class),
                StoredReports.class);
    }

    /** {@code GET /reports/{report_id}/stored}, the platform's answer as it came. */
    public PlatformJson storedReportsJson(String reportId) {
        return idempotent(Operation.STORED_REPORTS, () -> PlatformJson.checked(api.storedReports(reportId)), PlatformJson.class);
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

    /** Decodes an answer read as bytes: one that is not a JSON object of {@code type}'s shape is unreadable. */
    private <T> T decode(byte[] body, Class<T> type) {
        try {
            return json.readValue(PlatformJson.checked(body).bytes(), type);
        } catch (IOException unreadable) {
            throw new AcronisUnavailableException(AcronisUnavailableException.Reason.UNREADABLE, unreadable);
        }
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
