package dev.reportgateway.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Opens the {@link Database} (lock, connect, migrate) on a thread of its own as the application starts, so that the
 * proxy routes, which need no database, answer without waiting for it; a route or job that needs it waits until it
 * is open. Readiness says {@code opening} until then. A database that cannot be opened (another process holds the
 * H2 directory, PostgreSQL refuses, a migration fails) ends the process with status 1, as a failed start would.
 */
@Readiness
@ApplicationScoped
class DatabaseOpening implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseOpening.class);

    private volatile boolean open;

    void onStart(@Observes StartupEvent start, Database database) {
        Thread opener = new Thread(() -> open(database), "database-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void open(Database database) {
        try {
            database.kind(); // the first call on the bean creates it, and creating it opens the database
            open = true;
        } catch (RuntimeException failed) {
            LOG.errorf(failed, "The gateway stops: its database cannot be opened. %s", failed.getMessage());
            Quarkus.asyncExit(1);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(open).withData("state", open ? "open" : "opening").build();
    }
}
