package dev.reportgateway.web;

import java.util.List;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Authentication comes before media types: JAX-RS refuses a body or {@code Accept} header no route takes (415, 406)
 * while matching, before a route's role check runs. On the gateway's API ({@code /api/}, {@code /billing/}) such a
 * request without a valid key is answered 401, like any other request without one.
 */
public class AuthenticationFirst {

    private static final List<String> PROTECTED = List.of("/api/", "/billing/");

    private final CurrentIdentityAssociation identities;
    private final ProblemMappers problems;

    AuthenticationFirst(CurrentIdentityAssociation identities, ProblemMappers problems) {
        this.identities = identities;
        this.problems = problems;
    }

    @ServerExceptionMapper({ NotSupportedException.class, NotAcceptableException.class })
    public Uni<RestResponse<Problem>> mediaTypeRefused(WebApplicationException refused, UriInfo uri) {
        if (PROTECTED.stream().noneMatch(uri.getPath()::startsWith)) {
            return Uni.createFrom().item(problems.http(refused, uri));
        }
        return identities.getDeferredIdentity()
                .map(identity -> identity.isAnonymous()
                        ? problems.unauthenticated(new UnauthorizedException(), uri)
                        : problems.http(refused, uri))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(failed -> problems.unauthenticated((AuthenticationFailedException) failed, uri));
    }
}
