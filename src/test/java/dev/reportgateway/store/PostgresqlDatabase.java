package dev.reportgateway.store;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs a {@code @QuarkusTest} or {@code @QuarkusIntegrationTest} on PostgreSQL: a new database on this JVM's
 * {@link EmbeddedPostgresServer} for each start of the resource, set as {@code gateway.database.url},
 * {@code gateway.database.username} and {@code gateway.database.password}; dropped when the resource stops.
 * Use it with {@code @WithTestResource(PostgresqlDatabase.class)}; a test field of type
 * {@link EmbeddedPostgresServer.TestDatabase} gets the database, to look into it directly.
 */
public class PostgresqlDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgresServer.TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = EmbeddedPostgresServer.shared().createDatabase();
        return Map.of(
                DatabaseSettings.URL, database.url(),
                "gateway.database.username", database.username(),
                "gateway.database.password", database.password());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(database, new TestInjector.MatchesType(EmbeddedPostgresServer.TestDatabase.class));
    }

    @Override
    public void stop() {
        if (database != null) {
            EmbeddedPostgresServer.shared().dropDatabase(database);
        }
    }
}
