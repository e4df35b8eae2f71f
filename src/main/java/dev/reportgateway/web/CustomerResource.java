package dev.reportgateway.web;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.reportgateway.invoice.Customers;
import dev.reportgateway.store.CustomerStore.Customer;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The customer mapping: each tenant's id in the PSA or accounting tool (and optionally its name and currency), which
 * invoice lines carry. A PUT replaces the whole mapping, so only a key without tenant scope may send one; a scoped
 * key reads its tenants' part. Its OpenAPI description is in {@code META-INF/openapi.yaml}.
 */
@Path("/billing/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final Customers customers;
    private final TableBodies bodies;
    private final TenantScope scope;

    CustomerResource(Customers customers, TableBodies bodies, TenantScope scope) {
        this.customers = customers;
        this.bodies = bodies;
        this.scope = scope;
    }

    /** The mapping, by tenant id. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record CustomerPage(List<Customer> customers) {
    }

    /** Replaces the mapping with the body (CSV or JSON), or lists every error and keeps the mapping as it was. */
    @PUT
    @RolesAllowed(Roles.WRITER)
    public CustomerPage put(@RestHeader("Content-Type") String contentType, InputStream body) {
        scope.unscoped("replace the customer mapping");
        TableBodies.Table table = bodies.read(contentType, body);
        return new CustomerPage(table.csv() != null ? customers.putCsv(table.csv()) : customers.putJson(table.json()));
    }

    /** The mapping (a scoped key's tenants only), as JSON or, with {@code Accept: text/csv}, as the CSV a PUT takes. */
    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed(Roles.READER)
    public Response get(@RestHeader("Accept") String accept) {
        List<Customer> visible = customers.list().stream().filter(customer -> scope.sees(customer.tenantId())).toList();
        if (UsageMediaTypes.csv(accept)) {
            return UsageMediaTypes.csvAnswer(writer -> Customers.writeCsv(visible, writer)).build();
        }
        return Response.ok(new CustomerPage(visible), MediaType.APPLICATION_JSON).build();
    }
}
