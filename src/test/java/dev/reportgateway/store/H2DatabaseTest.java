package dev.reportgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without {@code gateway.database.url} the {@code h2} datasource is the active one, on this start's data directory. */
@QuarkusTest
class H2DatabaseTest {

    @Inject
    Database database;

    @Test
    void h2IsTheActiveDatabaseInTheDataDirectory() throws SQLException {
        assertEquals(Database.Kind.H2, database.kind());
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
            String url = connection.getMetaData().getURL();
            assertTrue(url.startsWith("jdbc:h2:file:" + Path.of("target", "test-data").toAbsolutePath()), url);
            try (var rows = connection.createStatement().executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"success\"")) {
                rows.next();
                assertEquals(String.valueOf(latestMigration()), rows.getString(1));
            }
        }
    }

    /**
     * The highest version among the migrations the build ships ({@code db/migration/V<n>__*.sql}), read from the
     * source tree: under failsafe the classes come from a jar, where a resource is no file.
     */
    static int latestMigration() {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V[0-9]+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
