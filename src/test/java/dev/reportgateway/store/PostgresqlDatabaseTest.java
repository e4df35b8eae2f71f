package dev.reportgateway.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The application on PostgreSQL ({@link PostgresqlDatabase}): the {@code postgresql} datasource is the active one,
 * Flyway migrated that database, and the repositories write to it.
 */
@QuarkusTest
@WithTestResource(PostgresqlDatabase.class)
class PostgresqlDatabaseTest {

    EmbeddedPostgresServer.TestDatabase postgresql;

    @Inject
    Database database;

    @Inject
    RunStore runs;

    @Test
    void postgresqlIsTheActiveDatabaseAndMigrated() throws SQLException {
        assertEquals(Database.Kind.POSTGRESQL, database.kind());
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
            assertEquals(postgresql.url(), connection.getMetaData().getURL());
        }
        assertEquals(String.valueOf(H2DatabaseTest.latestMigration()), scalar("SELECT MAX(version) FROM flyway_schema_history WHERE success"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void runsAreStoredInThatDatabase() throws SQLException {
        RunRow run = new RunRow();
        run.id = UUID.randomUUID().toString();
        run.tenantId = "tenant-a";
        run.periodStart = LocalDate.parse("2026-04-01");
        run.periodEnd = LocalDate.parse("2026-04-30");
        run.level = "partner";
        run.status = "queued";
        run.createdBy = "test-admin";
        run.createdAt = Instant.parse("2026-05-01T10:00:00Z");
        run.updatedAt = run.createdAt;
        run.stageStartedAt = run.createdAt;
        run.deadlineAt = run.createdAt.plusSeconds(3600);
        assertTrue(runs.insertOrFindLive(run).created());
        assertEquals("tenant-a", scalar("SELECT tenant_id FROM billing_run WHERE id = '" + run.id + "'"));
    }

    private String scalar(String sql) throws SQLException {
        try (Connection connection = postgresql.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        }
    }
}
