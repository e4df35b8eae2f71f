package dev.reportgateway.web;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Authenticates every request to the gateway's API ({@code /api/}, {@code /billing/}) before its route, method
 * and media type are matched, so a caller without a valid key gets 401 whatever it sent (never a 415 or 405 that
 * tells an anonymous caller about the API). Roles are still checked per route.
 */
public class AuthenticationFirst {

    private static final String[] PROTECTED = { "/api/", "/billing/" };

    private final CurrentIdentityAssociation identities;

    AuthenticationFirst(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> authenticate(ContainerRequestContext request) {
        if (!isProtected(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            return null;
        });
    }

    private static boolean isProtected(String path) {
        for (String prefix : PROTECTED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
