package dev.reportgateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.reportgateway.billing.BillingConfig;
import dev.reportgateway.billing.BillingRun;
import dev.reportgateway.billing.BillingRuns;
import dev.reportgateway.billing.RunFinishingException;
import dev.reportgateway.billing.RunNotDoneException;
import dev.reportgateway.billing.RunCustomers;
import dev.reportgateway.billing.RunNotFoundException;
import dev.reportgateway.billing.RunSpec;
import dev.reportgateway.billing.RunStatus;
import dev.reportgateway.invoice.Invoice;
import dev.reportgateway.invoice.InvoiceCsvWriter;
import dev.reportgateway.invoice.Invoices;
import dev.reportgateway.invoice.UnpricedItemsException;
import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.Ids;
import dev.reportgateway.report.InvalidRequestException;
import dev.reportgateway.usage.UsageCsvWriter;
import dev.reportgateway.usage.UsageTotals;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Billing runs: the month-end job as one durable resource ({@code POST /billing/runs}, then follow it, then read its
 * usage from the gateway's database). A scoped key sees and starts only its tenants' runs; another tenant's run is
 * answered as one that does not exist. Its OpenAPI description is in {@code META-INF/openapi.yaml}.
 */
@Path("/billing/runs")
@Produces(MediaType.APPLICATION_JSON)
public class BillingRunResource {

    /** Most runs in one page of the list. */
    static final int MAX_LIMIT = 500;

    private final BillingRuns runs;
    private final JsonBodies bodies;
    private final SecurityIdentity caller;
    private final TenantScope scope;
    private final ObjectMapper json;
    private final BillingConfig config;
    private final Invoices invoices;

    BillingRunResource(BillingRuns runs, JsonBodies bodies, SecurityIdentity caller, TenantScope scope, ObjectMapper json,
            BillingConfig config, Invoices invoices) {
        this.invoices = invoices;
        this.runs = runs;
        this.bodies = bodies;
        this.caller = caller;
        this.scope = scope;
        this.json = json;
        this.config = config;
    }

    /** A page of runs, and whether there are more after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record RunPage(List<BillingRun> items, int offset, int limit, boolean hasMore) {
    }

    /**
     * Starts a run (202, {@code Location}), or answers the live run of the same tenant, period and level (200): one
     * queued, running or done. A failed or cancelled one does not count: the request starts a new run. With
     * {@code Idempotency-Key}, a repeated request answers the run the key started, whatever its status.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WRITER)
    public Response start(InputStream body, @RestHeader("Idempotency-Key") String idempotencyKey) {
        RunSpec spec = runs.resolve(bodies.read(body));
        scope.tenant(spec.tenantId());
        BillingRuns.Started started = runs.start(caller.getPrincipal().getName(), idempotencyKey, spec);
        URI location = URI.create("/billing/runs/" + started.run().id());
        return Response.status(started.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(location).entity(started.run()).build();
    }

    @GET
    @RolesAllowed(Roles.READER)
    public RunPage list(@RestQuery("tenant_id") String tenantId, @RestQuery("month") String month,
            @RestQuery("status") String status, @RestQuery("offset") String offset, @RestQuery("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String tenant = tenant(tenantId, errors);
        YearMonth yearMonth = null;
        if (month != null) {
            try {
                yearMonth = month.matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(month) : null;
            } catch (DateTimeParseException invalid) {
                yearMonth = null;
            }
            if (yearMonth == null) {
                errors.add(new FieldError("month", "must be a month as YYYY-MM"));
            }
        }
        RunStatus wanted = null;
        if (status != null) {
            wanted = java.util.Arrays.stream(RunStatus.values()).filter(value -> value.label().equals(status)).findFirst().orElse(null);
            if (wanted == null) {
                errors.add(new FieldError("status", "must be one of queued, creating, generating, downloading, parsing, done, failed, cancelled"));
            }
        }
        int from = integer(offset, "offset", 0, 0, Integer.MAX_VALUE, errors);
        int size = integer(limit, "limit", 50, 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<String> visible = scope.visibleTenants();
        java.util.Collection<String> tenants = tenant == null ? visible
                : visible == null || visible.contains(tenant) ? List.of(tenant) : List.of();
        List<BillingRun> page = runs.list(tenants, yearMonth == null ? null : yearMonth.atDay(1), wanted, from, size + 1);
        boolean more = page.size() > size;
        return new RunPage(more ? page.subList(0, size) : page, from, size, more);
    }

    @GET
    @Path("/{run_id}")
    @RolesAllowed(Roles.READER)
    public BillingRun get(@RestPath("run_id") String runId) {
        return visible(runId);
    }

    /**
     * The run as server-sent events: the run (as {@code GET} answers it) each time its stage or progress changes,
     * ending after the event of its final status.
     */
    @GET
    @Path("/{run_id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    @Blocking
    public Multi<BillingRun> events(@RestPath("run_id") String runId) {
        String id = visible(runId).id();
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom().ticks().every(config.eventsInterval())
                .onOverflow().drop()
                .map(tick -> runs.find(id).orElseThrow(() -> new RunNotFoundException()))
                .select().first(run -> !ended.getAndSet(!RunStatus.of(run.status()).active()))
                .skip().repetitions();
    }

    /**
     * A done run's usage rows and totals from the database, as the stored-report usage endpoint answers them (JSON, or
     * CSV with {@code Accept: text/csv}); no call to the platform.
     */
    @GET
    @Path("/{run_id}/usage")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    public Response usage(@RestPath("run_id") String runId, @RestQuery("tenant_id") String tenantId,
            @RestHeader("Accept") String accept) {
        String tenant = tenantId == null ? null : Ids.requireUuid("tenant_id", tenantId);
        BillingRun run = done(runId);
        if (UsageMediaTypes.csv(accept)) {
            return UsageMediaTypes.csvAnswer(writer -> runs.usage(run.id(), tenant, new UsageCsvWriter(writer))).build();
        }
        UsageTotals totals = new UsageTotals();
        runs.usage(run.id(), tenant, totals);
        StreamingOutput body = out -> writeUsage(run, tenant, totals, out);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /**
     * A done run's billable quantities per customer and offering item, and per item over all customers (the console's
     * run page): from the database, one customer's with {@code tenant_id}.
     */
    @GET
    @Path("/{run_id}/customers")
    @RolesAllowed(Roles.READER)
    public RunCustomers customers(@RestPath("run_id") String runId, @RestQuery("tenant_id") String tenantId) {
        String tenant = tenantId == null ? null : Ids.requireUuid("tenant_id", tenantId);
        BillingRun run = done(runId);
        return runs.customers(run.id(), tenant);
    }

    /**
     * A done run's usage priced with a price list (the latest version unless {@code version}): JSON per customer, or
     * with {@code Accept: text/csv} one line per customer × item for import. The CSV is refused (409) while billable
     * items have no price, unless {@code allow_unpriced=true}: an import would silently bill less than was used.
     */
    @GET
    @Path("/{run_id}/invoice")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    public Response invoice(@RestPath("run_id") String runId, @RestQuery("price_list") String priceList,
            @RestQuery("version") String version, @RestQuery("tenant_id") String tenantId,
            @RestQuery("include_zero") String includeZero, @RestQuery("allow_unpriced") String allowUnpriced,
            @RestHeader("Accept") String accept) {
        List<FieldError> errors = new ArrayList<>();
        if (priceList == null || priceList.isBlank()) {
            errors.add(new FieldError("price_list", "is required: the name of a price list (GET /billing/price-lists)"));
        }
        Integer wantedVersion = null;
        if (version != null) {
            wantedVersion = integer(version, "version", 0, 1, Integer.MAX_VALUE, errors);
        }
        String tenant = tenant(tenantId, errors);
        boolean zero = flag(includeZero, "include_zero", errors);
        boolean unpricedAllowed = flag(allowUnpriced, "allow_unpriced", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        BillingRun run = done(runId);
        Invoice invoice = invoices.invoice(run, priceList, wantedVersion, tenant, zero);
        if (!UsageMediaTypes.csv(accept)) {
            return Response.ok(invoice, MediaType.APPLICATION_JSON).build();
        }
        if (!invoice.unpriced().isEmpty() && !unpricedAllowed) {
            throw new UnpricedItemsException(invoice.unpriced());
        }
        String file = "invoice-" + invoice.period().start() + "-" + invoice.priceList().name() + "-v" + invoice.priceList().version() + ".csv";
        return UsageMediaTypes.csvAnswer(writer -> InvoiceCsvWriter.write(invoice, writer))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** Cancels an active run (202, the run; its upstream report is deleted) or deletes a finished one and its rows (204). */
    @DELETE
    @Path("/{run_id}")
    @RolesAllowed(Roles.WRITER)
    public Response remove(@RestPath("run_id") String runId) {
        String id = visible(runId).id();
        BillingRuns.Removal removal = runs.remove(id).orElseThrow(() -> new RunNotFoundException());
        if (removal == BillingRuns.Removal.DELETED) {
            return Response.noContent().build();
        }
        if (removal == BillingRuns.Removal.REPORT_PENDING) {
            throw new RunFinishingException();
        }
        return Response.accepted(runs.find(id).orElseThrow(() -> new RunNotFoundException())).build();
    }

    private void writeUsage(BillingRun run, String tenant, UsageTotals totals, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("run_id", run.id());
            generator.writeStringField("report_id", run.report().id());
            generator.writeStringField("stored_report_id", run.report().storedReportId());
            generator.writeStringField("format", run.report().format());
            if (tenant != null) {
                generator.writeStringField("tenant_id", tenant);
            }
            generator.writeFieldName("warnings");
            json.writeValue(generator, run.warnings());
            generator.writeObjectFieldStart("totals");
            generator.writeFieldName("tenant_items");
            json.writeValue(generator, totals.tenantItems());
            generator.writeFieldName("items");
            json.writeValue(generator, totals.items());
            generator.writeEndObject();
            generator.writeArrayFieldStart("rows");
            runs.usageJson(run.id(), tenant, row -> {
                try {
                    generator.writeRawValue(row);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    /** The run if the caller may see it and it is done; else 404, or 409 for a run not done (yet). */
    private BillingRun done(String runId) {
        BillingRun run = visible(runId);
        if (!RunStatus.DONE.label().equals(run.status())) {
            throw new RunNotDoneException(run);
        }
        return run;
    }

    /** The run, if it exists and the caller may see its tenant. */
    private BillingRun visible(String runId) {
        if (!Ids.isUuid(runId)) {
            throw new RunNotFoundException();
        }
        String id = runId.toLowerCase(java.util.Locale.ROOT);
        BillingRun run = runs.find(id).orElseThrow(() -> new RunNotFoundException());
        if (!scope.sees(run.tenantId())) {
            throw new RunNotFoundException();
        }
        return run;
    }

    /** The {@code tenant_id} parameter lower-cased; null when absent, or with an error when it is not a UUID. */
    private static String tenant(String tenantId, List<FieldError> errors) {
        if (tenantId == null) {
            return null;
        }
        if (Ids.isUuid(tenantId)) {
            return tenantId.toLowerCase(java.util.Locale.ROOT);
        }
        errors.add(new FieldError("tenant_id", "must be a tenant UUID"));
        return null;
    }

    private static boolean flag(String text, String name, List<FieldError> errors) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        errors.add(new FieldError(name, "must be true or false"));
        return false;
    }

    private static int integer(String text, String name, int fallback, int min, int max, List<FieldError> errors) {
        if (text == null) {
            return fallback;
        }
        if (text.matches("[0-9]{1,9}")) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
