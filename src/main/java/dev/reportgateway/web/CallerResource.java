package dev.reportgateway.web;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

/** Who the caller's API key is: its name, roles and, for a key limited to some tenants, those tenants (the console asks). */
@Path("/billing/caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    private final SecurityIdentity caller;
    private final TenantScope scope;

    CallerResource(SecurityIdentity caller, TenantScope scope) {
        this.caller = caller;
        this.scope = scope;
    }

    /** The key's name, its roles (sorted), and its tenants (absent: every tenant). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Caller(String name, List<String> roles, List<String> tenants) {
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.WRITER })
    public Caller get() {
        Set<String> tenants = scope.visibleTenants();
        return new Caller(caller.getPrincipal().getName(), caller.getRoles().stream().sorted().toList(),
                tenants == null ? null : tenants.stream().sorted().toList());
    }
}
