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
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

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
import dev.reportgateway.usage.UsageCsvWriter;
import dev.reportgateway.usage.UsageFormat;
import dev.reportgateway.usage.UsageReportReader;
import dev.reportgateway.usage.UsageRow;
import dev.reportgateway.usage.UsageTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A stored report turned into usage rows and totals, in billing units, as JSON or (with {@code Accept: text/csv})
 * CSV. The download is spooled to a temporary file and read twice: once to check every line and add the
 * totals — so a malformed report is a clear error, not a cut-off answer — and once to stream the rows out.
 * Memory stays flat however large the report. Downloaded bytes and parsed rows are counted per format.
 * Its OpenAPI description is in {@code META-INF/openapi.yaml}.
 */
@jakarta.ws.rs.Path("/billing/reports/{report_id}/stored/{stored_report_id}/usage")
public class UsageResource {

    private final ReportService reports;
    private final ObjectMapper json;
    private final ObjectWriter rows;
    private final MeterRegistry registry;
    private final TenantScope scope;

    UsageResource(ReportService reports, ObjectMapper json, MeterRegistry registry, TenantScope scope) {
        this.reports = reports;
        this.scope = scope;
        this.json = json;
        this.registry = registry;
        this.rows = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    public Response usage(
            @RestPath("report_id") String reportId,
            @RestPath("stored_report_id") String storedReportId,
            @RestQuery("tenant_id") String tenantId,
            @RestHeader("Accept") String accept)
            throws IOException {
        String tenant = tenantId == null ? null : Ids.requireUuid("tenant_id", tenantId);
        scope.report(reportId);
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
            UsageReportReader.read(Files.newInputStream(spool), format, row -> {
                parsed.increment();
                if (selected.test(row)) {
                    totals.accept(row);
                }
            });
            boolean csv = accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
            StreamingOutput body = csv
                    ? out -> streamCsv(spool, format, selected, out)
                    : out -> streamJson(file, tenant, format, totals, spool, selected, out);
            return Response.ok(body, csv ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON).build();
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(spool);
            throw failed;
        }
    }

    private void streamJson(ReportService.StoredFile file, String tenant, UsageFormat format, UsageTotals totals, Path spool,
            Predicate<UsageRow> selected, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("report_id", file.reportId());
            generator.writeStringField("stored_report_id", file.stored().id());
            generator.writeStringField("format", format.formatName());
            if (tenant != null) {
                generator.writeStringField("tenant_id", tenant);
            }
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

    private static void streamCsv(Path spool, UsageFormat format, Predicate<UsageRow> selected, OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            readSelected(spool, format, selected, new UsageCsvWriter(writer));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static void readSelected(Path spool, UsageFormat format, Predicate<UsageRow> selected, Consumer<UsageRow> sink)
            throws IOException {
        UsageReportReader.read(Files.newInputStream(spool), format, row -> {
            if (selected.test(row)) {
                sink.accept(row);
            }
        });
    }

    private void write(JsonGenerator generator, UsageRow row) {
        try {
            rows.writeValue(generator, row);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
