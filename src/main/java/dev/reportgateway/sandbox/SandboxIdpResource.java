package dev.reportgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.reportgateway.acronis.model.TokenError;

/** {@code POST /idp/token}: the client-credentials grant, with Basic or form-field client authentication. */
@Path("/sandbox/api/2/idp")
public class SandboxIdpResource {

    private static final String BASIC = "basic ";

    private final SandboxClients clients;
    private final SandboxTokens tokens;

    SandboxIdpResource(SandboxClients clients, SandboxTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        if (!"client_credentials".equals(grantType)) {
            return tokenError(Response.Status.BAD_REQUEST, "invalid_request",
                    "grant_type must be client_credentials.");
        }
        Credentials credentials = authorization != null
                ? Credentials.basic(authorization)
                : new Credentials(clientId, clientSecret);
        if (!clients.accepts(credentials.id(), credentials.secret())) {
            return tokenError(Response.Status.UNAUTHORIZED, "access_denied", "Invalid client credentials.");
        }
        return Response.ok(tokens.issue())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Response tokenError(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new TokenError(error, description)).build();
    }

    /** Client credentials as presented; both null when an {@code Authorization} header is not valid Basic. */
    private record Credentials(String id, String secret) {

        private static final Credentials NONE = new Credentials(null, null);

        static Credentials basic(String authorization) {
            if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
                return NONE;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? NONE : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return NONE;
            }
        }
    }
}
