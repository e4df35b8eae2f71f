package dev.reportgateway.web;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.reportgateway.invoice.PriceList;
import dev.reportgateway.invoice.PriceListCsvWriter;
import dev.reportgateway.invoice.PriceLists;
import dev.reportgateway.report.InvalidRequestException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Price lists for invoices: each PUT stores a new version (CSV or JSON, checked as a whole), every version stays
 * readable until the list is deleted. They apply to every tenant, so a tenant-scoped key may read them but not
 * change them. Its OpenAPI description is in {@code META-INF/openapi.yaml}.
 */
@Path("/billing/price-lists")
@Produces(MediaType.APPLICATION_JSON)
public class PriceListResource {

    private final PriceLists priceLists;
    private final TableBodies bodies;
    private final SecurityIdentity caller;
    private final TenantScope scope;

    PriceListResource(PriceLists priceLists, TableBodies bodies, SecurityIdentity caller, TenantScope scope) {
        this.priceLists = priceLists;
        this.bodies = bodies;
        this.caller = caller;
        this.scope = scope;
    }

    /** Every price list. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record PriceListPage(List<PriceList.Summary> items) {
    }

    /** Stores the body as the next version of {@code name} (201, {@code Location} of that version), or lists every error. */
    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.WRITER)
    public Response put(@RestPath("name") String name, @RestHeader("Content-Type") String contentType, InputStream body) {
        scope.unscoped("change price lists");
        TableBodies.Table table = bodies.read(contentType, body);
        String by = caller.getPrincipal().getName();
        PriceList stored = table.csv() != null ? priceLists.putCsv(name, table.csv(), by) : priceLists.putJson(name, table.json(), by);
        return Response.created(URI.create("/billing/price-lists/" + name + "?version=" + stored.version())).entity(stored).build();
    }

    @GET
    @RolesAllowed(Roles.READER)
    public PriceListPage list() {
        return new PriceListPage(priceLists.list());
    }

    /** One version (the latest without {@code version}), as JSON or, with {@code Accept: text/csv}, as the CSV a PUT takes. */
    @GET
    @Path("/{name}")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    public Response get(@RestPath("name") String name, @RestQuery("version") String version, @RestHeader("Accept") String accept) {
        PriceList list = priceLists.find(name, version(version));
        if (UsageMediaTypes.csv(accept)) {
            return UsageMediaTypes.csvAnswer(writer -> PriceListCsvWriter.write(list.items(), writer)).build();
        }
        return Response.ok(list, MediaType.APPLICATION_JSON).build();
    }

    /** Deletes every version of {@code name} (204); later PUTs of the name go on numbering after the last one. */
    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.WRITER)
    public Response delete(@RestPath("name") String name) {
        scope.unscoped("change price lists");
        priceLists.delete(name);
        return Response.noContent().build();
    }

    private static Integer version(String version) {
        if (version == null) {
            return null;
        }
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw new InvalidRequestException("version", "must be a version number: 1, 2, ...");
        }
        return Integer.valueOf(version);
    }
}
