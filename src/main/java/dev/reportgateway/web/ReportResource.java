package dev.reportgateway.web;

import java.io.IOException;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
import dev.reportgateway.web.openapi.GatewayApplication;
import dev.reportgateway.web.openapi.OpenApiExamples;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The platform's reports API, spoken by the gateway: same paths, JSON and status codes as
 * {@code <data center>/api/2}, so a script written for the platform works by changing its base URL and
 * using a gateway API key as its bearer token.
 */
@Path("/api/2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = GatewayApplication.REPORTS_TAG)
@SecurityRequirement(name = GatewayApplication.BEARER)
@SecurityRequirement(name = GatewayApplication.API_KEY)
@APIResponse(responseCode = "401", description = "No gateway API key, or an unknown one (`WWW-Authenticate: Bearer`).",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthenticated", value = OpenApiExamples.UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The key lacks the role this route needs.")
@APIResponse(responseCode = "502", description = "The platform failed (429/5xx after the retries, connection refused or reset, "
        + "unreadable answer) or rejected the gateway's own credentials; `upstream` attached where the platform answered.")
@APIResponse(responseCode = "503", description = "Circuit open or too many calls at once; `Retry-After` says when to retry.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
@APIResponse(responseCode = "504", description = "The platform did not answer within `acronis.read-timeout`.")
public class ReportResource {

    /** Set to {@code true} on a create answered from the idempotency store. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ReportService reports;
    private final JsonBodies bodies;
    private final SecurityIdentity caller;
    private final DownloadSlots downloads;

    ReportResource(ReportService reports, JsonBodies bodies, SecurityIdentity caller, DownloadSlots downloads) {
        this.reports = reports;
        this.bodies = bodies;
        this.caller = caller;
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
    @Operation(summary = "Create a report", description = """
            Validates the platform's `reportPost` body (ids, enums, dates, no future period, recipients for `send`, \
            no unknown field at any level) and answers every error at once without calling the platform. Fills \
            `parameters.tenant_id` (configured tenant, else the API client's own) and `recipients: []` for `save` \
            when absent, then calls `POST /api/2/reports` upstream and answers the platform's report with 200 \
            (keep its `id` and `version`). Retried upstream only when the platform provably did not act. \
            With `Idempotency-Key`, a repeated request with the same body is answered from the first answer \
            (header `Idempotent-Replayed: true`). Role: `reports-writer`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportPost.class), examples = {
                    @ExampleObject(name = "seed", summary = "The platform's \"Creating a billing report\" example",
                            value = OpenApiExamples.SEED_REPORT),
                    @ExampleObject(name = "monthly-save", summary = "Monthly report whose files are kept for download",
                            value = OpenApiExamples.SAVE_REPORT) }))
    @APIResponse(responseCode = "200", description = "The created report, as the platform answered it.",
            headers = @Header(name = "Idempotent-Replayed", description = "`true` when answered from the idempotency store.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class),
                    examples = @ExampleObject(name = "created", value = OpenApiExamples.REPORT)))
    @APIResponse(responseCode = "400", description = "Invalid body (every field error in `errors`; nothing sent upstream), "
            + "or the platform refused it (`upstream` attached).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = OpenApiExamples.INVALID_REQUEST)))
    @APIResponse(responseCode = "404", description = "The platform does not know the tenant (`upstream` attached).")
    @APIResponse(responseCode = "409", description = "A request with the same `Idempotency-Key` is still running, "
            + "or the platform answered 409 (`upstream` attached).")
    @APIResponse(responseCode = "413", description = "Body larger than `gateway.max-body-size` (64 KiB).")
    @APIResponse(responseCode = "415", description = "`Content-Type` is not `application/json`, or the platform answered 415.")
    @APIResponse(responseCode = "422", description = "`Idempotency-Key` reused with another body, or the platform answered 422.")
    public RestResponse<Report> create(InputStream body,
            @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "1-255 visible characters, e.g. a UUID: "
                    + "makes a retried create safe (answers kept 24 h per caller).", example = "9b2f7c1e-4a0d-4c8e-9f3b-6d5a2e1c7b40")
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        ReportService.Created created = reports.create(caller.getPrincipal().getName(), idempotencyKey, bodies.read(body));
        RestResponse.ResponseBuilder<Report> answer = RestResponse.ResponseBuilder.ok(created.report());
        return created.replayed() ? answer.header(REPLAYED_HEADER, "true").build() : answer.build();
    }

    /** The report's configuration, including its current version. */
    @GET
    @Path("/reports/{report_id}")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Fetch a report", description = "The report's configuration, including its current `version` "
            + "(needed to delete it). Upstream: `GET /api/2/reports/{report_id}`. Role: `reports-reader`.")
    @APIResponse(responseCode = "200", description = "The report.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Report.class), examples = @ExampleObject(name = "report", value = OpenApiExamples.REPORT)))
    @APIResponse(responseCode = "400", description = "`report_id` is not a UUID (nothing sent upstream).")
    @APIResponse(responseCode = "404", description = "The platform knows no such report (`upstream` attached).")
    public Report fetch(@Parameter(name = "report_id", description = "The report's id (UUID, any letter case).", example = "20dffb36-d77b-45c6-b2fa-39276e98d5fc") @RestPath("report_id") String reportId) {
        return reports.fetch(reportId);
    }

    /** Updates a scheduled report (recipients, level, kind, flags, enabled); one-time reports cannot be updated. */
    @PUT
    @Path("/reports/{report_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WRITER)
    @Operation(summary = "Update a scheduled report", description = """
            Validates the platform's `reportPut` body (every field optional; of `parameters` only `level`, `kind`, \
            `hide_zero_usage`, `show_skus`; of `schedule` only `enabled`; no unknown field) and calls \
            `PUT /api/2/reports/{report_id}` upstream. Only `monthly` reports can be updated. Role: `reports-writer`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportPut.class),
            examples = @ExampleObject(name = "disable", summary = "Switch the schedule off", value = OpenApiExamples.DISABLE_SCHEDULE)))
    @APIResponse(responseCode = "200", description = "The updated report.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "400", description = "Invalid id or body (every field error in `errors`; nothing sent upstream), "
            + "or the platform refused it, e.g. a one-time report (`upstream` attached).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = OpenApiExamples.INVALID_REQUEST)))
    @APIResponse(responseCode = "404", description = "The platform knows no such report (`upstream` attached).")
    @APIResponse(responseCode = "409", description = "The platform answered 409 (`upstream` attached).")
    @APIResponse(responseCode = "413", description = "Body larger than `gateway.max-body-size` (64 KiB).")
    @APIResponse(responseCode = "415", description = "`Content-Type` is not `application/json`, or the platform answered 415.")
    @APIResponse(responseCode = "422", description = "The platform answered 422 (`upstream` attached).")
    public Report update(@Parameter(name = "report_id", description = "The report's id (UUID, any letter case).", example = "20dffb36-d77b-45c6-b2fa-39276e98d5fc") @RestPath("report_id") String reportId, InputStream body) {
        return reports.update(reportId, bodies.read(body));
    }

    /** The ids of a tenant's reports. */
    @GET
    @Path("/tenants/{tenant_id}/reports")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "List a tenant's reports", description = "The ids of the tenant's reports. "
            + "Upstream: `GET /api/2/tenants/{tenant_id}/reports`. Role: `reports-reader`.")
    @APIResponse(responseCode = "200", description = "The report ids.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UuidList.class), examples = @ExampleObject(name = "ids", value = OpenApiExamples.UUID_LIST)))
    @APIResponse(responseCode = "400", description = "`tenant_id` is not a UUID (nothing sent upstream).")
    @APIResponse(responseCode = "404", description = "The platform knows no such tenant (`upstream` attached).")
    public UuidList tenantReports(@Parameter(name = "tenant_id", description = "The tenant's id (UUID, any letter case).",
            example = "ede9f834-70b3-476c-83d9-736f9f8c7dae") @RestPath("tenant_id") String tenantId) {
        return reports.tenantReports(tenantId);
    }

    /** The report's stored reports: one per format, each {@code in_progress}, {@code saved} or {@code failed}. */
    @GET
    @Path("/reports/{report_id}/stored")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "List a report's stored reports", description = "The report's generated files, one per format, "
            + "each `in_progress`, `saved` or `failed`; poll until `saved`. Upstream: `GET /api/2/reports/{report_id}/stored`. "
            + "Role: `reports-reader`.")
    @APIResponse(responseCode = "200", description = "The stored reports.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StoredReports.class),
            examples = @ExampleObject(name = "stored", value = OpenApiExamples.STORED_REPORTS)))
    @APIResponse(responseCode = "400", description = "`report_id` is not a UUID (nothing sent upstream).")
    @APIResponse(responseCode = "404", description = "The platform knows no such report (`upstream` attached).")
    public StoredReports storedReports(@Parameter(name = "report_id", description = "The report's id (UUID, any letter case).", example = "20dffb36-d77b-45c6-b2fa-39276e98d5fc") @RestPath("report_id") String reportId) {
        return reports.storedReports(reportId);
    }

    /**
     * Downloads a saved stored report, decompressed and streamed (never held whole in memory), with the
     * {@code Content-Type} of its format and a file name.
     */
    @GET
    @Path("/reports/{report_id}/stored/{stored_report_id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Download a stored report", description = """
            Checks the stored list (`GET /api/2/reports/{report_id}/stored`), then downloads the file \
            (`GET /api/2/reports/{report_id}/stored/{stored_report_id}` upstream) and streams it decompressed \
            (any gzip layering) with the `Content-Type` of its format — `text/csv` (csv, csv_v2_0), \
            `application/json` (json_v1, json_v2_0), `text/html` (html), else `application/octet-stream` — and a \
            `Content-Disposition` file name. Role: `reports-reader`.""")
    @APIResponse(responseCode = "200", description = "The file, decompressed.",
            headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"...\"`",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "An id is not a UUID (nothing sent upstream).")
    @APIResponse(responseCode = "404", description = "No such report or stored report.")
    @APIResponse(responseCode = "409", description = "The stored report is still `in_progress`; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "502", description = "The stored report `failed`, or the platform failed or rejected the "
            + "gateway's credentials (`upstream` attached where the platform answered).")
    public Response download(@Parameter(name = "report_id", description = "The report's id (UUID, any letter case).", example = "20dffb36-d77b-45c6-b2fa-39276e98d5fc") @RestPath("report_id") String reportId,
            @Parameter(name = "stored_report_id", description = "The stored report's id (UUID, from the stored list).", example = "0a6f1c7e-3b2d-4e59-8f61-2c9d7b4a1e05") @RestPath("stored_report_id") String storedReportId,
            @Context RoutingContext routing) {
        ReportService.StoredFile file = downloads.open(() -> reports.download(reportId, storedReportId));
        ExchangeEnd.release(routing, file.content()); // even if the body never runs (the caller hung up)
        StreamingOutput content = out -> {
            try (InputStream in = ReportStreams.decompressed(file.content())) {
                in.transferTo(out);
            }
        };
        return fileResponse(file, content);
    }

    /** The headers a {@code GET} would answer; the upstream download is released unread. */
    @HEAD
    @Path("/reports/{report_id}/stored/{stored_report_id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.READER)
    public Response downloadHead(@RestPath("report_id") String reportId, @RestPath("stored_report_id") String storedReportId)
            throws IOException {
        ReportService.StoredFile file = downloads.open(() -> reports.download(reportId, storedReportId));
        file.content().close();
        return fileResponse(file, null);
    }

    private static Response fileResponse(ReportService.StoredFile file, StreamingOutput content) {
        StoredFormats.Kind kind = StoredFormats.of(file.stored().reportFormat());
        return Response.ok(content, kind.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + kind.fileName(file.reportId(), file.stored()) + "\"")
                .build();
    }

    /** Deletes the report; {@code version} is required and must be current (else 409, platform code 1001). */
    @DELETE
    @Path("/reports/{report_id}")
    @RolesAllowed(Roles.WRITER)
    @Operation(summary = "Delete a report", description = "Deletes the report at its current `version`. "
            + "Upstream: `DELETE /api/2/reports/{report_id}?version=N`. Role: `reports-writer`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "400", description = "`report_id` is not a UUID or `version` is missing or not a positive integer "
            + "(nothing sent upstream).")
    @APIResponse(responseCode = "404", description = "The platform knows no such report (`upstream` attached).")
    @APIResponse(responseCode = "409", description = "Stale `version` (platform code 1001): fetch the report and retry.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "version-mismatch", value = OpenApiExamples.VERSION_MISMATCH)))
    public RestResponse<Void> delete(@Parameter(name = "report_id", description = "The report's id (UUID, any letter case).", example = "20dffb36-d77b-45c6-b2fa-39276e98d5fc") @RestPath("report_id") String reportId,
            @Parameter(name = "version", required = true, description = "The report's current version (from GET).",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"), example = "1")
            @RestQuery("version") String version) {
        reports.delete(reportId, version);
        return RestResponse.noContent();
    }
}
