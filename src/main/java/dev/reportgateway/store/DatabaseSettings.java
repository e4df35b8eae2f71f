package dev.reportgateway.store;

/** The names of the database settings and datasources, in one place. */
final class DatabaseSettings {

    /** A JDBC URL of PostgreSQL; set, it makes the gateway use PostgreSQL instead of the embedded H2. */
    static final String URL = "gateway.database.url";
    /** Where the embedded H2 database lives (and its lock file). */
    static final String DATA_DIR = "gateway.data-dir";
    /** The named datasource of the embedded database. */
    static final String H2 = "h2";
    /** The named datasource of PostgreSQL. */
    static final String POSTGRESQL = "postgresql";

    private DatabaseSettings() {
    }
}
