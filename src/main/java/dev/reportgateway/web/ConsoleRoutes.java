package dev.reportgateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The billing console's address: {@code /console} leads to {@code /console/}, whose static files
 * ({@code META-INF/resources/console}) Quarkus serves with the Content-Security-Policy of {@code application.properties}.
 * The page itself needs no key; every API call it makes does.
 */
@ApplicationScoped
class ConsoleRoutes {

    void install(@Observes Router router) {
        router.get("/console").handler(context -> {
            if (context.request().path().equals("/console")) {
                context.redirect("/console/");
            } else {
                context.next();
            }
        });
    }
}
