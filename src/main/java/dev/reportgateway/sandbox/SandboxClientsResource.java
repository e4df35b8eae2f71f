package dev.reportgateway.sandbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.reportgateway.acronis.SandboxConfig;
import dev.reportgateway.acronis.model.ApiClient;

/** {@code GET /clients/{client_id}}: an accepted API client and the partner tenant it belongs to. */
@Path("/sandbox/api/2/clients")
public class SandboxClientsResource {

    private final SandboxClients clients;
    private final SandboxConfig config;

    SandboxClientsResource(SandboxClients clients, SandboxConfig config) {
        this.clients = clients;
        this.config = config;
    }

    @GET
    @Path("/{client_id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ApiClient client(@PathParam("client_id") String clientId) {
        if (!clients.isKnown(clientId)) {
            throw SandboxError.notFound("Client not found");
        }
        return new ApiClient(clientId, config.tenantId(), "api_client", "enabled", "client_secret_basic");
    }
}
