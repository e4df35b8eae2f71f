package dev.reportgateway.acronis;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * {@code GET /reports/{report_id}/stored/{stored_report_id}} (DownloadStoredReport), apart from the JSON calls
 * because a file may take minutes: it has its own timeout ({@code acronis.download-timeout}). The answer is a
 * {@link Response} whose entity is read as a stream, never buffered whole; it may be gzip with or without
 * {@code Content-Encoding}, which the caller detects from the bytes.
 */
@Path("/api/2")
@RegisterClientHeaders(AcronisAuthHeaders.class)
public interface AcronisDownloadsApi {

    @GET
    @Path("/reports/{report_id}/stored/{stored_report_id}")
    Response download(@PathParam("report_id") String reportId, @PathParam("stored_report_id") String storedReportId);

    /** Same mapping of upstream errors as the JSON calls. */
    @ClientExceptionMapper
    static AcronisApiException toException(Response response) {
        return AcronisReportsApi.toException(response);
    }
}
