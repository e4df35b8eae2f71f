package dev.reportgateway.web;

import java.lang.reflect.Method;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * One access-log line per API request, in category {@code dev.reportgateway.access}: method, route template
 * (never the ids or query it was called with), status, duration and the caller's key name. No header, body or
 * secret is logged.
 */
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("dev.reportgateway.access");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    private final SecurityIdentity identity;

    AccessLog(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void log(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Object started = request.getProperty(STARTED);
        double millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000.0 : -1;
        Method method = resource == null ? null : resource.getResourceMethod();
        LOG.infof("%s %s %d %.1fms caller=%s", request.getMethod(), template(resource, method), response.getStatus(), millis,
                caller(method, response.getStatus()));
    }

    private static String template(ResourceInfo resource, Method method) {
        if (method == null) {
            return "(no route)";
        }
        Path classPath = resource.getResourceClass().getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        return (classPath == null ? "" : classPath.value()) + (methodPath == null ? "" : methodPath.value());
    }

    /** The key's name, only where the route required one (and so it is already known), never by asking again. */
    private String caller(Method method, int status) {
        if (method == null || method.getAnnotation(RolesAllowed.class) == null || status == 401) {
            return "-";
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
