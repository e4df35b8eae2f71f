package dev.reportgateway.web;

import org.jboss.logging.Logger;

import io.vertx.ext.web.RoutingContext;

/**
 * Releases what a request holds (an upstream download, a spool file) when its HTTP exchange ends — the response
 * sent or the connection closed — even when the response body never runs because the caller already hung up.
 */
final class ExchangeEnd {

    private static final Logger LOG = Logger.getLogger(ExchangeEnd.class);

    private ExchangeEnd() {
    }

    /** Closes {@code resource} (off the event loop) when the exchange ends; at once if it already has. */
    static void release(RoutingContext routing, AutoCloseable resource) {
        routing.addEndHandler(ended -> routing.vertx().executeBlocking(() -> {
            close(resource);
            return null;
        }, false));
        if (routing.response().closed() || routing.response().ended()) {
            close(resource);
        }
    }

    private static void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception failed) {
            LOG.debugf("Releasing %s after the exchange ended failed: %s", resource, failed);
        }
    }
}
