package dev.reportgateway.web;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.StoredReports;
import dev.reportgateway.acronis.model.UuidList;
import dev.reportgateway.report.ReportService;
import dev.reportgateway.usage.ReportStreams;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The platform's reports API, spoken by the gateway: same paths, JSON and status codes as
 * {@code <data center>/api/2}, so a script written for the platform works by changing its base URL and
 * using a gateway API key as its bearer token. Its OpenAPI description is in {@code META-INF/openapi.yaml}.
 */
@Path("/api/2")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** Set to {@code true} on a create answered from the idempotency store. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ReportService reports;
    private final JsonBodies bodies;
    private final SecurityIdentity caller;
    private final TenantScope scope;
    private final DownloadSlots downloads;

    ReportResource(ReportService reports, JsonBodies bodies, SecurityIdentity caller, TenantScope scope,
            DownloadSlots downloads) {
        this.reports = reports;
        this.bodies = bodies;
        this.caller = caller;
        this.scope = scope;
        this.downloads = downloads;
    }

    /**
     * Validates, fills defaults, creates; answers 200 with the platform's report (keep its id and version).
     * With {@code Idempotency-Key}, a repeated request is answered from the first answer.
     */
    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WRITER)
    @RequestBody(content = @Content(schema = @Schema(implementation = ReportPost.class)))
    public RestResponse<Report> create(InputStream body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        ReportService.Created created = reports.create(caller.getPrincipal().getName(), idempotencyKey, scope.create(bodies.read(body)));
        RestResponse.ResponseBuilder<Report> answer = RestResponse.ResponseBuilder.ok(created.report());
        return created.replayed() ? answer.header(REPLAYED_HEADER, "true").build() : answer.build();
    }

    /** The report's configuration, including its current version: the platform's JSON, passed on as it came. */
    @GET
    @Path("/reports/{report_id}")
    @RolesAllowed(Roles.READER)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Report.class)))
    public byte[] fetch(@RestPath("report_id") String reportId) {
        return scope.fetch(reportId).bytes();
    }

    /** Updates a scheduled report (recipients, level, kind, flags, enabled); one-time reports cannot be updated. */
    @PUT
    @Path("/reports/{report_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WRITER)
    @RequestBody(content = @Content(schema = @Schema(implementation = ReportPut.class)))
    public Report update(@RestPath("report_id") String reportId, InputStream body) {
        scope.report(reportId);
        return reports.update(reportId, bodies.read(body));
    }

    /** The ids of a tenant's reports: the platform's JSON, passed on as it came. */
    @GET
    @Path("/tenants/{tenant_id}/reports")
    @RolesAllowed(Roles.READER)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UuidList.class)))
    public byte[] tenantReports(@RestPath("tenant_id") String tenantId) {
        scope.tenant(tenantId);
        return reports.tenantReportsJson(tenantId).bytes();
    }

    /**
     * The report's stored reports: one per format, each {@code in_progress}, {@code saved} or {@code failed}; the
     * platform's JSON, passed on as it came.
     */
    @GET
    @Path("/reports/{report_id}/stored")
    @RolesAllowed(Roles.READER)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StoredReports.class)))
    public byte[] storedReports(@RestPath("report_id") String reportId) {
        scope.report(reportId);
        return reports.storedReportsJson(reportId).bytes();
    }

    /**
     * Downloads a saved stored report, decompressed and streamed (never held whole in memory), with the
     * {@code Content-Type} of its format and a file name.
     */
    @GET
    @Path("/reports/{report_id}/stored/{stored_report_id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.READER)
    public Response download(@RestPath("report_id") String reportId,
            @RestPath("stored_report_id") String storedReportId, @Context RoutingContext routing) {
        scope.report(reportId);
        ReportService.ReadyFile ready = reports.ready(reportId, storedReportId);
        ReportService.StoredFile file = downloads.open(() -> reports.download(ready));
        ExchangeEnd.release(routing, file.content()); // even if the body never runs (the caller hung up)
        StreamingOutput content = out -> {
            try (InputStream in = ReportStreams.decompressed(file.content())) {
                in.transferTo(out);
            }
        };
        return fileResponse(ready, content);
    }

    /** The headers a {@code GET} would answer, after the same checks; nothing is downloaded. */
    @HEAD
    @Path("/reports/{report_id}/stored/{stored_report_id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.READER)
    public Response downloadHead(@RestPath("report_id") String reportId, @RestPath("stored_report_id") String storedReportId) {
        scope.report(reportId);
        return fileResponse(reports.ready(reportId, storedReportId), null);
    }

    private static Response fileResponse(ReportService.ReadyFile file, StreamingOutput content) {
        StoredFormats.Kind kind = StoredFormats.of(file.stored().reportFormat());
        return Response.ok(content, kind.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + kind.fileName(file.reportId(), file.stored()) + "\"")
                .build();
    }

    /** Deletes the report; {@code version} is required and must be current (else 409, platform code 1001). */
    @DELETE
    @Path("/reports/{report_id}")
    @RolesAllowed(Roles.WRITER)
    public RestResponse<Void> delete(@RestPath("report_id") String reportId,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @RestQuery("version") String version) {
        scope.report(reportId);
        reports.delete(reportId, version);
        return RestResponse.noContent();
    }
}
