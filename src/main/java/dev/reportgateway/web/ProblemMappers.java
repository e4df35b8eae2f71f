package dev.reportgateway.web;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.AcronisUnavailableException;
import dev.reportgateway.acronis.UpstreamFailure;
import dev.reportgateway.acronis.UpstreamPolicyConfig;
import dev.reportgateway.acronis.model.ErrorDetail;
import dev.reportgateway.billing.RunFinishingException;
import dev.reportgateway.billing.RunNotDoneException;
import dev.reportgateway.billing.RunNotFoundException;
import dev.reportgateway.invoice.PriceListNotFoundException;
import dev.reportgateway.invoice.UnpricedItemsException;
import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.IdempotencyConflictException;
import dev.reportgateway.report.InvalidRequestException;
import dev.reportgateway.report.StoredReportUnavailableException;
import dev.reportgateway.spool.SpoolLimitException;
import dev.reportgateway.store.StoreException;
import dev.reportgateway.usage.UnsupportedUsageFormatException;
import dev.reportgateway.usage.UsageFormatException;
import dev.reportgateway.usage.UsageLimitException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into one {@code application/problem+json} answer (RFC 9457). Upstream errors keep the
 * platform's status where it is the caller's business (400, 404, 409, 415, 422); failures of the gateway's
 * own credentials or of the platform itself are 502, a timeout 504, as {@link UpstreamFailure} classifies them.
 * No upstream header or secret is copied.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_PREFIX = Problem.TYPE_PREFIX;
    private static final List<Integer> PASSED_THROUGH = List.of(400, 404, 409, 415, 422);
    /** How long a caller should wait before asking again for a stored report still being generated. */
    private static final int STORED_REPORT_POLL_SECONDS = 5;

    private final long circuitDelaySeconds;

    ProblemMappers(UpstreamPolicyConfig policy) {
        this.circuitDelaySeconds = Math.max(1, policy.circuitBreaker().delay().toSeconds());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidRequest(InvalidRequestException invalid, UriInfo uri) {
        String detail = invalid.errors().size() == 1
                ? "1 field is invalid; nothing was sent to the Acronis platform."
                : invalid.errors().size() + " fields are invalid; nothing was sent to the Acronis platform.";
        return answer(new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400, detail, path(uri),
                invalid.errors(), null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooLarge(PayloadTooLargeException tooLarge, UriInfo uri) {
        return answer(Problem.payloadTooLarge(tooLarge.limit(), "gateway.max-body-size", path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> upstreamError(AcronisApiException rejected, UriInfo uri) {
        Problem.Upstream upstream = upstream(rejected);
        if (rejected.hasCode(AcronisApiException.VERSION_MISMATCH)) {
            return answer(new Problem(TYPE_PREFIX + "version-mismatch", "Version mismatch", 409,
                    "The report's version has changed: fetch it again and retry with its current version.",
                    path(uri), null, upstream));
        }
        int status = rejected.status();
        UpstreamFailure failure = UpstreamFailure.of(rejected);
        if (failure == UpstreamFailure.CREDENTIALS_REJECTED) {
            LOG.warnf("The platform rejected the gateway's credentials (HTTP %d) on %s", status, path(uri));
            return answer(new Problem(TYPE_PREFIX + "upstream-credentials-rejected", "Platform rejected the gateway's credentials",
                    502, "The Acronis platform rejected the gateway's own credentials (HTTP " + status
                            + "): check the API client's id, secret, data center and roles.",
                    path(uri), null, upstream));
        }
        if (failure == UpstreamFailure.REFUSED && PASSED_THROUGH.contains(status)) {
            return answer(new Problem(TYPE_PREFIX + "upstream-refused", "Refused by the Acronis platform", status,
                    detail(rejected, "The Acronis platform refused the request."), path(uri), null, upstream));
        }
        LOG.warnf("The platform failed (HTTP %d) on %s", status, path(uri));
        return answer(new Problem(TYPE_PREFIX + "upstream-failed", "Acronis platform error", 502,
                detail(rejected, "The Acronis platform failed to handle the request."), path(uri), null, upstream));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> upstreamUnavailable(AcronisUnavailableException unavailable, UriInfo uri) {
        LOG.warnf("Upstream call for %s failed: %s (%s)", path(uri), unavailable.reason(), rootCause(unavailable));
        boolean timeout = UpstreamFailure.of(unavailable) == UpstreamFailure.TIMEOUT;
        return answer(new Problem(TYPE_PREFIX + (timeout ? "upstream-timeout" : "upstream-unavailable"),
                timeout ? "Acronis platform timed out" : "Acronis platform unavailable", timeout ? 504 : 502,
                unavailable.getMessage(), path(uri), null, null));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<Problem> unauthenticated(RuntimeException failure, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem> create(401)
                .entity(new Problem(TYPE_PREFIX + "unauthenticated", "Unauthenticated", 401,
                        "Send a gateway API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.", path(uri), null, null))
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"acronis-report-gateway\"")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException failure, UriInfo uri) {
        return answer(new Problem(TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "This API key lacks the role this operation needs (reports-reader to read, reports-writer to change).",
                path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> scopedKey(TenantScope.ScopedKeyException scoped, UriInfo uri) {
        return answer(new Problem(TYPE_PREFIX + "scoped-key-forbidden", "Forbidden for a tenant-scoped key", 403,
                scoped.getMessage(), path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unsupportedBody(UnsupportedBodyTypeException unsupported, UriInfo uri) {
        return answer(new Problem(TYPE_PREFIX + "http-415", "Unsupported Media Type", 415, unsupported.getMessage(), path(uri),
                null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> priceListNotFound(PriceListNotFoundException missing, UriInfo uri) {
        return answer(new Problem(TYPE_PREFIX + "price-list-not-found", "Price list not found", 404, missing.getMessage(),
                path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unpriced(UnpricedItemsException unpriced, UriInfo uri) {
        List<FieldError> items = unpriced.unpriced().stream()
                .map(item -> new FieldError(item.sku() != null ? item.offeringItem() + " (SKU " + item.sku() + ")" : item.offeringItem(),
                        item.quantity().toPlainString() + (item.unit() == null ? "" : " " + item.unit()) + " used by "
                                + item.customers() + " customer(s): " + item.reason()))
                .toList();
        return answer(new Problem(TYPE_PREFIX + "invoice-unpriced", "Billable items without a price", 409,
                unpriced.getMessage() + ", so an import of this CSV would bill less than was used. Price them (a new version of"
                        + " the price list), or ask again with allow_unpriced=true; the JSON invoice lists them under unpriced.",
                path(uri), items, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notVisible(TenantScope.NotVisibleException hidden, UriInfo uri) {
        return answer(new Problem(TYPE_PREFIX + (hidden.tenant() ? "tenant-not-found" : "report-not-found"),
                hidden.tenant() ? "Tenant not found" : "Report not found", 404, hidden.getMessage(), path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> idempotencyConflict(IdempotencyConflictException conflict, UriInfo uri) {
        boolean differentBody = conflict.kind() == IdempotencyConflictException.Kind.DIFFERENT_BODY;
        return answer(new Problem(TYPE_PREFIX + (differentBody ? "idempotency-key-reused" : "idempotency-key-in-flight"),
                differentBody ? "Idempotency-Key reused" : "Idempotency-Key in use", differentBody ? 422 : 409,
                conflict.getMessage(), path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> storedReportUnavailable(StoredReportUnavailableException unavailable, UriInfo uri) {
        return switch (unavailable.kind()) {
            case NOT_FOUND -> answer(new Problem(TYPE_PREFIX + "stored-report-not-found", "Stored report not found", 404,
                    unavailable.getMessage(), path(uri), null, null));
            case IN_PROGRESS -> RestResponse.ResponseBuilder.<Problem> create(409)
                    .entity(new Problem(TYPE_PREFIX + "stored-report-in-progress", "Stored report not ready", 409,
                            unavailable.getMessage(), path(uri), null, null))
                    .type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(STORED_REPORT_POLL_SECONDS))
                    .build();
            case FAILED -> answer(new Problem(TYPE_PREFIX + "stored-report-failed", "Stored report failed", 502,
                    unavailable.getMessage(), path(uri), null, new Problem.Upstream(200, TextNode.valueOf("failed"),
                            "stored report status: failed", null)));
        };
    }

    @ServerExceptionMapper
    public RestResponse<Problem> runNotFound(RunNotFoundException missing, UriInfo uri) {
        return answer(new Problem(TYPE_PREFIX + "billing-run-not-found", "Billing run not found", 404, missing.getMessage(),
                path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> runNotDone(RunNotDoneException notDone, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> answer = RestResponse.ResponseBuilder.<Problem> create(409)
                .entity(new Problem(TYPE_PREFIX + "billing-run-not-done", "Billing run not done", 409, notDone.getMessage(),
                        path(uri), null, null))
                .type(Problem.MEDIA_TYPE);
        return notDone.active() ? answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(STORED_REPORT_POLL_SECONDS)).build()
                : answer.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> runFinishing(RunFinishingException finishing, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem> create(409)
                .entity(new Problem(TYPE_PREFIX + "billing-run-finishing", "Billing run still finishing", 409, finishing.getMessage(),
                        path(uri), null, null))
                .type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "2").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> databaseUnavailable(StoreException failed, UriInfo uri) {
        LOG.warnf("Database call for %s failed: %s", path(uri), failed.getMessage());
        return unavailable("database-unavailable", "The gateway's database did not answer. Retry shortly.", 1, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notParseable(UnsupportedUsageFormatException unsupported, UriInfo uri) {
        return answer(new Problem(TYPE_PREFIX + "usage-format-unsupported", "Format has no usage rows", 422,
                unsupported.getMessage() + " Create the report with csv_v2_0 or json_v2_0 to get usage rows.", path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedReport(UsageFormatException malformed, UriInfo uri) {
        LOG.warnf("Stored report on %s is malformed: %s", path(uri), malformed.getMessage());
        return answer(new Problem(TYPE_PREFIX + "stored-report-malformed", "Stored report is malformed", 502,
                "The platform's stored report could not be read: " + malformed.getMessage(), path(uri), null, null));
    }

    @ServerExceptionMapper({ UsageLimitException.class, SpoolLimitException.class })
    public RestResponse<Problem> reportPastLimit(RuntimeException past, UriInfo uri) {
        LOG.warnf("Stored report on %s refused: %s", path(uri), past.getMessage());
        return answer(new Problem(TYPE_PREFIX + "stored-report-too-large", "Stored report exceeds a gateway limit", 502,
                "The platform's stored report was refused: " + past.getMessage(), path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> circuitOpen(CircuitBreakerOpenException open, UriInfo uri) {
        return unavailable("circuit-open", "The Acronis platform has been failing; the gateway pauses calls to it. Retry later.",
                circuitDelaySeconds, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> overloaded(BulkheadException full, UriInfo uri) {
        return unavailable("overloaded", "Too many calls to the Acronis platform are under way. Retry shortly.", 1, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException failure, UriInfo uri) {
        Response.StatusType status = failure.getResponse().getStatusInfo();
        String detail = failure instanceof NotSupportedException
                ? "Send the body as JSON with the header Content-Type: application/json."
                : status.getReasonPhrase();
        return answer(new Problem(TYPE_PREFIX + "http-" + status.getStatusCode(), status.getReasonPhrase(),
                status.getStatusCode(), detail, path(uri), null, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception failure, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure on %s (incident %s)", path(uri), incident);
        return answer(Problem.internal(incident, path(uri)));
    }

    private static Problem.Upstream upstream(AcronisApiException rejected) {
        ErrorDetail error = rejected.error();
        return error == null
                ? new Problem.Upstream(rejected.status(), null, null, null)
                : new Problem.Upstream(rejected.status(), error.code(), error.message(), error.domain());
    }

    private static String detail(AcronisApiException rejected, String fallback) {
        ErrorDetail error = rejected.error();
        return error != null && error.message() != null && !error.message().isBlank() ? error.message() : fallback;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static RestResponse<Problem> unavailable(String slug, String detail, long retryAfterSeconds, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem> create(503)
                .entity(new Problem(TYPE_PREFIX + slug, "Service unavailable", 503, detail, path(uri), null, null))
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .build();
    }

    private static RestResponse<Problem> answer(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
