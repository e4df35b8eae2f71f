package dev.reportgateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.reportgateway.billing.UnitCatalogs;
import dev.reportgateway.metrics.MetricNames;
import dev.reportgateway.report.Ids;
import dev.reportgateway.report.ReportService;
import dev.reportgateway.spool.SpoolDirectory;
import dev.reportgateway.spool.SpoolFile;
import dev.reportgateway.report.TenantOfferingItems;
import dev.reportgateway.usage.BillingRules;
import dev.reportgateway.usage.BillingRulesConfig;
import dev.reportgateway.usage.UnitCatalog;
import dev.reportgateway.usage.UsageBilling;
import dev.reportgateway.usage.UsageCsvWriter;
import dev.reportgateway.usage.UsageFormat;
import dev.reportgateway.usage.UsageLimits;
import dev.reportgateway.usage.UsageLimitsConfig;
import dev.reportgateway.usage.UsageReportReader;
import dev.reportgateway.usage.UsageRow;
import dev.reportgateway.usage.UsageTotals;
import dev.reportgateway.usage.UsageWarning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * A stored report turned into usage rows and totals, in billing units, as JSON or (with {@code Accept: text/csv})
 * CSV. The download is spooled to a file ({@link SpoolDirectory}) and read twice: once to check every line and add
 * the totals — so a malformed report is a clear error, not a cut-off answer — and once to stream the rows out.
 * Memory stays flat however large the report, within the {@link UsageLimits}. The spool file is deleted however the
 * request ends: answered, failed, or abandoned by the client. Downloaded bytes and parsed rows are counted per format.
 * Its OpenAPI description is in {@code META-INF/openapi.yaml}.
 */
@jakarta.ws.rs.Path("/billing/reports/{report_id}/stored/{stored_report_id}/usage")
public class UsageResource {

    private static final Logger LOG = Logger.getLogger(UsageResource.class);

    private final ReportService reports;
    private final DownloadSlots downloads;
    private final SpoolDirectory spools;
    private final UsageLimits limits;
    private final ObjectMapper json;
    private final ObjectWriter rows;
    private final MeterRegistry registry;
    private final TenantScope scope;
    private final TenantOfferingItems offeringItems;
    private final BillingRules billingRules;

    UsageResource(ReportService reports, DownloadSlots downloads, SpoolDirectory spools, UsageLimitsConfig limits,
            ObjectMapper json, MeterRegistry registry, TenantScope scope, TenantOfferingItems offeringItems,
            BillingRulesConfig billing) {
        this.reports = reports;
        this.downloads = downloads;
        this.spools = spools;
        this.limits = limits.limits();
        this.scope = scope;
        this.offeringItems = offeringItems;
        this.billingRules = billing.rules();
        this.json = json;
        this.registry = registry;
        this.rows = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** The headers a {@code GET} would answer, after the same checks; nothing is downloaded. */
    @HEAD
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    public Response usageHead(@RestPath("report_id") String reportId, @RestPath("stored_report_id") String storedReportId,
            @RestQuery("tenant_id") String tenantId, @RestHeader("Accept") String accept) {
        if (tenantId != null) {
            Ids.requireUuid("tenant_id", tenantId);
        }
        scope.report(reportId);
        UsageFormat.fromName(reports.ready(reportId, storedReportId).stored().reportFormat());
        return Response.ok().type(UsageMediaTypes.csv(accept) ? UsageMediaTypes.CSV : MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    public Response usage(
            @RestPath("report_id") String reportId,
            @RestPath("stored_report_id") String storedReportId,
            @RestQuery("tenant_id") String tenantId,
            @RestHeader("Accept") String accept,
            @Context RoutingContext routing)
            throws IOException {
        String tenant = tenantId == null ? null : Ids.requireUuid("tenant_id", tenantId);
        scope.report(reportId);
        ReportService.ReadyFile ready = reports.ready(reportId, storedReportId);
        UsageFormat format = UsageFormat.fromName(ready.stored().reportFormat()); // before any download
        ReportService.StoredFile file = downloads.open(() -> reports.download(ready));
        SpoolFile spool;
        try (InputStream in = file.content()) {
            spool = spools.spool(in);
        }
        try {
            ExchangeEnd.release(routing, spool); // deleted even if the body never runs (the caller hung up)
            registry.counter(MetricNames.USAGE_BYTES, MetricNames.FORMAT, format.formatName()).increment(spool.size());
            Counter parsed = registry.counter(MetricNames.USAGE_ROWS, MetricNames.FORMAT, format.formatName());
            Predicate<UsageRow> selected = row -> tenant == null || tenant.equalsIgnoreCase(row.tenantId());
            UnitCatalog units = offeringItems(reportId);
            UsageBilling billing = new UsageBilling(billingRules, units);
            UsageTotals totals = new UsageTotals();
            UsageReportReader.read(spool.open(), format, limits, billing, row -> {
                parsed.increment();
                if (selected.test(row)) {
                    totals.accept(row);
                }
            });
            List<UsageWarning> warnings = billing.warnings();
            report(warnings, file);
            String mediaType = UsageMediaTypes.csv(accept) ? UsageMediaTypes.CSV : MediaType.APPLICATION_JSON;
            StreamingOutput body = mediaType.startsWith("text/csv")
                    ? out -> streamCsv(spool, format, units, selected, out)
                    : out -> streamJson(file, tenant, format, totals, warnings, units, spool, selected, out);
            return Response.ok(body, mediaType).build();
        } catch (Throwable failed) {
            spool.close();
            throw failed;
        }
    }

    /**
     * Units from the platform's offering items for rows whose report has none: the report's tenant's items first
     * (its id asked of the platform only if a row needs it), then the row's tenant's.
     */
    private UnitCatalog offeringItems(String reportId) {
        return UnitCatalogs.forTenant(() -> reports.fetch(reportId).parameters().tenantId(), offeringItems);
    }

    /** Each warning is logged once and counted by its rows, whatever the answer's media type. */
    private void report(List<UsageWarning> warnings, ReportService.StoredFile file) {
        for (UsageWarning warning : warnings) {
            LOG.warnf("Usage of stored report %s (report %s): %s (%d rows)", file.stored().id(), file.reportId(),
                    warning.message(), warning.rows());
            registry.counter(MetricNames.USAGE_WARNINGS, MetricNames.KIND, warning.type()).increment(warning.rows());
        }
    }


    private void streamJson(ReportService.StoredFile file, String tenant, UsageFormat format, UsageTotals totals,
            List<UsageWarning> warnings, UnitCatalog units, SpoolFile spool, Predicate<UsageRow> selected, OutputStream out)
            throws IOException {
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
            readSelected(spool, format, units, selected, row -> write(generator, row));
            generator.writeEndArray();
            generator.writeEndObject();
        } finally {
            spool.close();
        }
    }

    private void streamCsv(SpoolFile spool, UsageFormat format, UnitCatalog units, Predicate<UsageRow> selected,
            OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            readSelected(spool, format, units, selected, new UsageCsvWriter(writer));
        } finally {
            spool.close();
        }
    }

    /** The second pass: the same rows, billed again with the units the first pass learnt. */
    private void readSelected(SpoolFile spool, UsageFormat format, UnitCatalog units, Predicate<UsageRow> selected,
            Consumer<UsageRow> sink) throws IOException {
        UsageReportReader.read(spool.open(), format, limits, new UsageBilling(billingRules, units), row -> {
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
