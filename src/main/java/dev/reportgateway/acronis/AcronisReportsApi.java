package dev.reportgateway.acronis;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;

import dev.reportgateway.acronis.model.ApiClient;
import dev.reportgateway.acronis.model.OfferingItems;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The platform's reports API ({@code <data center>/api/2}), declared and nothing more: retries, defaults and
 * validation live in the report service. Built by {@link AcronisClientProducer}; every call carries the
 * bearer token from {@link AcronisAuthHeaders}; every answer of 400 or more becomes an {@link AcronisApiException}.
 */
@Path("/api/2")
@RegisterClientHeaders(AcronisAuthHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface AcronisReportsApi {

    /** {@code POST /reports} (CreateReport). */
    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    Report createReport(ReportPost report);

    /** {@code GET /reports/{report_id}} (FetchReport), as the platform's bytes: {@link AcronisClient} decodes them. */
    @GET
    @Path("/reports/{report_id}")
    byte[] fetchReport(@PathParam("report_id") String reportId);

    /** {@code DELETE /reports/{report_id}?version=N} (DeleteReport); the platform answers 204. */
    @DELETE
    @Path("/reports/{report_id}")
    void deleteReport(@PathParam("report_id") String reportId, @QueryParam("version") long version);

    /** {@code PUT /reports/{report_id}} (UpdateReport): only scheduled reports can be updated. */
    @PUT
    @Path("/reports/{report_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Report updateReport(@PathParam("report_id") String reportId, ReportPut update);

    /** {@code GET /tenants/{tenant_id}/reports} (FetchTenantReports): the ids of a tenant's reports, as bytes. */
    @GET
    @Path("/tenants/{tenant_id}/reports")
    byte[] tenantReports(@PathParam("tenant_id") String tenantId);

    /** {@code GET /reports/{report_id}/stored} (FetchStoredReports): the generated files, one per format, as bytes. */
    @GET
    @Path("/reports/{report_id}/stored")
    byte[] storedReports(@PathParam("report_id") String reportId);

    /** {@code GET /tenants/{tenant_id}/offering_items}: the items a tenant is offered, with their units. */
    @GET
    @Path("/tenants/{tenant_id}/offering_items")
    OfferingItems offeringItems(@PathParam("tenant_id") String tenantId);

    /** {@code GET /clients/{client_id}}: the API client, whose {@code tenant_id} is the default report tenant. */
    @GET
    @Path("/clients/{client_id}")
    ApiClient fetchClient(@PathParam("client_id") String clientId);

    /** Turns an upstream error answer (the platform's {@code errorScheme}, or anything else) into a domain exception. */
    @ClientExceptionMapper
    static AcronisApiException toException(Response response) {
        return response.getStatus() >= 400 ? AcronisApiException.from(response) : null;
    }
}
