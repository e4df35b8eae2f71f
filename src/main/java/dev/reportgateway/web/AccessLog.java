package dev.reportgateway.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Route templates by resource method, worked out once each (a line per request is formatted by hand, not by a Formatter). */
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

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
        Method method = resource == null ? null : resource.getResourceMethod();
        StringBuilder line = new StringBuilder(96).append(request.getMethod()).append(' ')
                .append(method == null ? "(no route)" : TEMPLATES.computeIfAbsent(method, found -> template(resource, found)))
                .append(' ').append(response.getStatus()).append(' ');
        if (started instanceof Long nanos) {
            long tenths = (System.nanoTime() - nanos + 50_000) / 100_000; // milliseconds to one decimal, rounded
            line.append(tenths / 10).append('.').append(tenths % 10);
        } else {
            line.append("-1.0");
        }
        LOG.info(line.append("ms caller=").append(caller(method, response.getStatus())).toString());
    }

    /** The route template of a resource method: its class's and its own {@code @Path}. */
    private static String template(ResourceInfo resource, Method method) {
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
