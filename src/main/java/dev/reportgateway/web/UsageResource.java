package dev.reportgateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.reportgateway.metrics.MetricNames;
import dev.reportgateway.report.Ids;
import dev.reportgateway.report.ReportService;
import dev.reportgateway.usage.BillingRules;
import dev.reportgateway.usage.BillingRulesConfig;
import dev.reportgateway.usage.UnitCatalog;
import dev.reportgateway.usage.UsageBilling;
import dev.reportgateway.usage.UsageCsvWriter;
import dev.reportgateway.usage.UsageFormat;
import dev.reportgateway.usage.UsageReportReader;
import dev.reportgateway.usage.UsageRow;
import dev.reportgateway.usage.UsageTotals;
import dev.reportgateway.usage.UsageWarning;
import dev.reportgateway.web.openapi.GatewayApplication;
import dev.reportgateway.web.openapi.OpenApiExamples;
import dev.reportgateway.web.openapi.UsageReportSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A stored report turned into usage rows and totals, in billing units, as JSON or (with {@code Accept: text/csv})
 * CSV. The download is spooled to a temporary file and read twice: once to check every line and add the
 * totals — so a malformed report is a clear error, not a cut-off answer — and once to stream the rows out.
 * Memory stays flat however large the report. Downloaded bytes and parsed rows are counted per format.
 */
@jakarta.ws.rs.Path("/billing/reports/{report_id}/stored/{stored_report_id}/usage")
@Tag(name = GatewayApplication.BILLING_TAG)
@SecurityRequirement(name = GatewayApplication.BEARER)
@SecurityRequirement(name = GatewayApplication.API_KEY)
public class UsageResource {

    private final ReportService reports;
    private final ObjectMapper json;
    private final ObjectWriter rows;
    private final MeterRegistry registry;
    private final BillingRules billingRules;

    UsageResource(ReportService reports, ObjectMapper json, MeterRegistry registry, BillingRulesConfig billing) {
        this.reports = reports;
        this.billingRules = billing.rules();
        this.json = json;
        this.registry = registry;
        this.rows = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Usage rows and totals of a stored report", description = """
            Downloads the stored report (`GET /api/2/reports/{report_id}/stored` to check its status, then \
            `GET /api/2/reports/{report_id}/stored/{stored_report_id}` upstream), checks every line, and answers \
            its usage rows (tenant × offering item × infrastructure) with `converted` values in billing units \
            (compute points in `points`, storage in `GiB`, 2 decimals half-up) and `totals` per tenant × item and \
            per item over customers. JSON by default; CSV rows only with `Accept: text/csv`. Only `csv_v2_0`, \
            `json_v2_0` and `json_v1` files carry usage rows. Role: `reports-reader`.""")
    @APIResponse(responseCode = "200", description = "The usage, as JSON or (with `Accept: text/csv`) CSV.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UsageReportSchema.class),
                    examples = @ExampleObject(name = "usage", value = OpenApiExamples.USAGE)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "usage-csv", value = OpenApiExamples.USAGE_CSV)) })
    @APIResponse(responseCode = "400", description = "An id or `tenant_id` is not a UUID (nothing sent upstream).")
    @APIResponse(responseCode = "401", description = "No gateway API key, or an unknown one (`WWW-Authenticate: Bearer`).")
    @APIResponse(responseCode = "403", description = "The key lacks the role `reports-reader`.")
    @APIResponse(responseCode = "404", description = "No such report or stored report.")
    @APIResponse(responseCode = "409", description = "The stored report is still `in_progress`; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "422", description = "The file is `csv` or `html`, which carry no usage rows.")
    @APIResponse(responseCode = "502", description = "The stored report `failed`, is malformed (the line or row is named), "
            + "or the platform failed or rejected the gateway's credentials.")
    @APIResponse(responseCode = "503", description = "Circuit open or too many calls at once; `Retry-After` says when to retry.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "504", description = "The platform did not answer within `acronis.read-timeout`.")
    public Response usage(
            @Parameter(name = "report_id", description = "The report's id (UUID, any letter case).",
                    example = "20dffb36-d77b-45c6-b2fa-39276e98d5fc") @RestPath("report_id") String reportId,
            @Parameter(name = "stored_report_id", description = "The stored report's id (UUID, from the stored list).",
                    example = "0a6f1c7e-3b2d-4e59-8f61-2c9d7b4a1e05") @RestPath("stored_report_id") String storedReportId,
            @Parameter(name = "tenant_id", description = "Only this tenant's rows (and totals); UUID.",
                    example = "3f5a2c1d-9b8e-4a7f-8c6d-5e4f3a2b1c0d") @RestQuery("tenant_id") String tenantId,
            @Parameter(name = "Accept", in = ParameterIn.HEADER, description = "`text/csv` for CSV rows (without `application/json`); "
                    + "anything else answers JSON.", schema = @Schema(type = SchemaType.STRING,
                            enumeration = { "application/json", "text/csv" })) @RestHeader("Accept") String accept)
            throws IOException {
        String tenant = tenantId == null ? null : Ids.requireUuid("tenant_id", tenantId);
        ReportService.StoredFile file = reports.download(reportId, storedReportId);
        UsageFormat format;
        try {
            format = UsageFormat.fromName(file.stored().reportFormat());
        } catch (RuntimeException unsupported) {
            file.content().close(); // a csv or html file has no usage rows: release the download unread
            throw unsupported;
        }
        Path spool = Files.createTempFile("usage-", ".report");
        try {
            long downloaded;
            try (InputStream in = file.content()) {
                downloaded = Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            registry.counter(MetricNames.USAGE_BYTES, MetricNames.FORMAT, format.formatName()).increment(downloaded);
            Counter parsed = registry.counter(MetricNames.USAGE_ROWS, MetricNames.FORMAT, format.formatName());
            Predicate<UsageRow> selected = row -> tenant == null || tenant.equalsIgnoreCase(row.tenantId());
            UsageTotals totals = new UsageTotals();
            UsageBilling billing = billing();
            UsageReportReader.read(Files.newInputStream(spool), format, billing, row -> {
                parsed.increment();
                if (selected.test(row)) {
                    totals.accept(row);
                }
            });
            boolean csv = accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
            StreamingOutput body = csv
                    ? out -> streamCsv(spool, format, selected, out)
                    : out -> streamJson(file, tenant, format, totals, billing.warnings(), spool, selected, out);
            return Response.ok(body, csv ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON).build();
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(spool);
            throw failed;
        }
    }

    private void streamJson(ReportService.StoredFile file, String tenant, UsageFormat format, UsageTotals totals,
            List<UsageWarning> warnings, Path spool, Predicate<UsageRow> selected, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("report_id", file.reportId());
            generator.writeStringField("stored_report_id", file.stored().id());
            generator.writeStringField("format", format.formatName());
            if (tenant != null) {
                generator.writeStringField("tenant_id", tenant);
            }
            generator.writeFieldName("warnings");
            json.writeValue(generator, warnings);
            generator.writeObjectFieldStart("totals");
            generator.writeFieldName("tenant_items");
            json.writeValue(generator, totals.tenantItems());
            generator.writeFieldName("items");
            json.writeValue(generator, totals.items());
            generator.writeEndObject();
            generator.writeArrayFieldStart("rows");
            readSelected(spool, format, selected, row -> write(generator, row));
            generator.writeEndArray();
            generator.writeEndObject();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void streamCsv(Path spool, UsageFormat format, Predicate<UsageRow> selected, OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            readSelected(spool, format, selected, new UsageCsvWriter(writer));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void readSelected(Path spool, UsageFormat format, Predicate<UsageRow> selected, Consumer<UsageRow> sink)
            throws IOException {
        UsageReportReader.read(Files.newInputStream(spool), format, billing(), row -> {
            if (selected.test(row)) {
                sink.accept(row);
            }
        });
    }

    /** A fresh biller for one pass over the report (its warnings are those of that pass). */
    private UsageBilling billing() {
        return new UsageBilling(billingRules, UnitCatalog.NONE);
    }

    private void write(JsonGenerator generator, UsageRow row) {
        try {
            rows.writeValue(generator, row);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
