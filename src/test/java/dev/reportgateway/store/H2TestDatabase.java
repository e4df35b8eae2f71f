package dev.reportgateway.store;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the gateway's migrations applied, for plain JUnit tests of the stores and their users. */
public final class H2TestDatabase {

    private H2TestDatabase() {
    }

    /** A new database of its own; it lives as long as the test JVM. */
    public static Database migrated() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return new Database(Database.Kind.H2, h2);
    }
}
