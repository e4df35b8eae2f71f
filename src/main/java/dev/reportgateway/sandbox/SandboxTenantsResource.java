package dev.reportgateway.sandbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.reportgateway.acronis.model.UuidList;

/**
 * {@code GET /tenants/{tenant_id}/reports}, the ids of the reports made for a tenant of the sandbox tree, and
 * {@code GET /tenants/{tenant_id}/offering_items}, the offering items it is served (the same for every tenant;
 * the query {@code edition} is ignored).
 */
@Path("/sandbox/api/2/tenants")
public class SandboxTenantsResource {

    private final SandboxUsage usage;
    private final SandboxReports reports;

    SandboxTenantsResource(SandboxUsage usage, SandboxReports reports) {
        this.usage = usage;
        this.reports = reports;
    }

    @GET
    @Path("/{tenant_id}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    public UuidList reports(@PathParam("tenant_id") String tenantId) {
        requireTenant(tenantId);
        return new UuidList(reports.idsForTenant(tenantId));
    }

    @GET
    @Path("/{tenant_id}/offering_items")
    @Produces(MediaType.APPLICATION_JSON)
    public SandboxOfferingItems offeringItems(@PathParam("tenant_id") String tenantId) {
        requireTenant(tenantId);
        return new SandboxOfferingItems(usage.offeringItems(tenantId));
    }

    private void requireTenant(String tenantId) {
        SandboxReportValidator.requireUuid("tenant_id", tenantId);
        if (usage.tenant(tenantId).isEmpty()) {
            throw SandboxError.tenantNotFound();
        }
    }
}
