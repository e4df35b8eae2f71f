package dev.reportgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one packaged jar on both databases: with {@code GATEWAY_DATABASE_URL} it runs on PostgreSQL (Flyway's history
 * and the schema land there, nothing in the data directory); without it, on the embedded H2 in the data directory,
 * which a second process refuses to open while the first runs, and a restart after kill -9 opens again. Runs under
 * failsafe, after packaging.
 */
class PostgresqlPackagedIT {

    private static final String DATABASE_LOG = "[dev.reportgateway.store.Database]";
    private static final int LATEST = H2DatabaseTest.latestMigration();

    @Test
    void theJarRunsOnPostgresqlWhenItsUrlIsSet() throws SQLException {
        EmbeddedPostgresServer.TestDatabase postgresql = EmbeddedPostgresServer.shared().createDatabase();
        try {
            PackagedGateway.Launcher launcher = PackagedGateway.launcher("postgresql")
                    .env("GATEWAY_DATABASE_URL", postgresql.url())
                    .env("GATEWAY_DATABASE_USERNAME", postgresql.username())
                    .env("GATEWAY_DATABASE_PASSWORD", postgresql.password());
            try (PackagedGateway gateway = launcher.start()) {
                assertTrue(gateway.awaitLog(DATABASE_LOG).contains("Database: PostgreSQL, schema version " + LATEST + " ("
                        + LATEST + " migrations applied now)"), gateway.log());
                assertFalse(gateway.log().contains(postgresql.password()), "the password is never logged");
                assertEquals(String.valueOf(LATEST), column(postgresql,
                        "SELECT MAX(version::integer) FROM flyway_schema_history WHERE success").get(0));
                List<String> tables = column(postgresql,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
                assertTrue(tables.containsAll(List.of("billing_run", "billing_usage_row", "idempotency_key", "price_list",
                        "price_list_version", "billing_customer")), "the migrations' tables: " + tables);
                assertFalse(Files.exists(launcher.dataDir().resolve("gateway.mv.db")), "no H2 database was opened");
                assertNotEquals(0, gateway.stop());
                assertTrue(gateway.log().contains("stopped in"), gateway.log());
            }
        } finally {
            EmbeddedPostgresServer.shared().dropDatabase(postgresql);
        }
    }

    @Test
    void withoutAUrlTheJarRunsOnH2AndASecondProcessOnItsDirectoryRefusesToStart() {
        PackagedGateway.Launcher launcher = PackagedGateway.launcher("h2");
        try (PackagedGateway first = launcher.start()) {
            assertTrue(first.awaitLog(DATABASE_LOG).contains("Database: embedded H2 in " + launcher.dataDir()
                    + " (one gateway instance only), schema version " + LATEST + " (" + LATEST + " migrations applied now)"), first.log());
            assertTrue(Files.exists(launcher.dataDir().resolve("gateway.mv.db")), "the H2 file in " + launcher.dataDir());

            try (PackagedGateway second = launcher.launch()) {
                assertNotEquals(0, second.awaitExit(), second.log());
                assertTrue(second.log().contains("Another gateway process uses the data directory " + launcher.dataDir()), second.log());
            }
            first.awaitReady();
            first.kill();
        }
        try (PackagedGateway restarted = launcher.start()) {
            assertTrue(restarted.awaitLog(DATABASE_LOG).contains("schema version " + LATEST + " (0 migrations applied now)"),
                    "kill -9 left the lock file, not the lock: " + restarted.log());
        }
    }

    private static List<String> column(EmbeddedPostgresServer.TestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
