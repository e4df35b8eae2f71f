package dev.reportgateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.PlatformJson;
import dev.reportgateway.report.Ids;
import dev.reportgateway.report.ReportService;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Limits a tenant-scoped API key ({@code gateway.api-keys.<name>.tenants}) to its tenants. A route by report id
 * fetches the report and checks its {@code parameters.tenant_id}; a report outside the scope and a report the
 * platform does not know get the same 404, so no answer shows that a report exists. A key without tenants sees
 * every tenant, and costs no extra upstream call.
 */
@ApplicationScoped
public class TenantScope {

    /** The identity attribute holding a scoped key's tenants (a {@code Set<String>} of lower-case UUIDs). */
    static final String TENANTS_ATTRIBUTE = "dev.reportgateway.tenants";

    /** A tenant or report the caller's key may not see, answered exactly as one that does not exist. */
    public static final class NotVisibleException extends RuntimeException {

        private final boolean tenant;

        private NotVisibleException(boolean tenant) {
            super(tenant ? "No such tenant for this API key." : "No such report for this API key.", null, false, false);
            this.tenant = tenant;
        }

        /** {@code true} for a tenant, {@code false} for a report. */
        public boolean tenant() {
            return tenant;
        }
    }

    /** A change a tenant-scoped key may not make: it would reach beyond its tenants. */
    public static final class ScopedKeyException extends RuntimeException {

        private ScopedKeyException(String action) {
            super("A tenant-scoped API key cannot " + action + ": it applies to every tenant. Use a key without tenants.",
                    null, false, false);
        }
    }

    private final ReportService reports;
    private final SecurityIdentity caller;
    private final ObjectMapper json;

    TenantScope(ReportService reports, SecurityIdentity caller, ObjectMapper json) {
        this.reports = reports;
        this.caller = caller;
        this.json = json;
    }

    /** The body, once its effective tenant ({@code parameters.tenant_id}, or the default) is in scope. */
    JsonNode create(JsonNode body) {
        Set<String> tenants = tenants();
        if (tenants != null && !tenants.contains(reports.effectiveTenant(body))) {
            throw new NotVisibleException(true);
        }
        return body;
    }

    /** Refuses a tenant outside the scope (after checking it is a UUID). */
    void tenant(String tenantId) {
        Set<String> tenants = tenants();
        if (tenants != null && !tenants.contains(Ids.requireUuid("tenant_id", tenantId))) {
            throw new NotVisibleException(true);
        }
    }

    /** Refuses the caller's {@code action} when its key is scoped to some tenants. */
    void unscoped(String action) {
        if (tenants() != null) {
            throw new ScopedKeyException(action);
        }
    }

    /** Whether the caller may see this tenant's data (a key without scope sees every tenant). */
    boolean sees(String tenantId) {
        Set<String> tenants = tenants();
        return tenants == null || tenantId != null && tenants.contains(tenantId.toLowerCase(Locale.ROOT));
    }

    /** The tenants (lower case) a scoped key may see; null for a key without scope. */
    Set<String> visibleTenants() {
        return tenants();
    }

    /** Refuses a report outside the scope, or unknown to the platform; a key without scope is not checked. */
    void report(String reportId) {
        if (tenants() != null) {
            fetch(reportId);
        }
    }

    /** The report as the platform answered it, if the caller may see it. */
    PlatformJson fetch(String reportId) {
        Set<String> tenants = tenants();
        if (tenants == null) {
            return reports.fetchJson(reportId);
        }
        PlatformJson report;
        try {
            report = reports.fetchJson(reportId);
        } catch (AcronisApiException rejected) {
            if (rejected.status() == 404) {
                throw new NotVisibleException(false);
            }
            throw rejected;
        }
        JsonNode tenant = readTree(report).path("parameters").path("tenant_id");
        if (!tenant.isTextual() || !tenants.contains(tenant.asText().toLowerCase(Locale.ROOT))) {
            throw new NotVisibleException(false);
        }
        return report;
    }

    private JsonNode readTree(PlatformJson answer) {
        try {
            return json.readTree(answer.bytes());
        } catch (IOException checkedAlready) {
            throw new UncheckedIOException(checkedAlready); // PlatformJson is well-formed JSON
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> tenants() {
        return (Set<String>) caller.getAttribute(TENANTS_ATTRIBUTE);
    }
}
