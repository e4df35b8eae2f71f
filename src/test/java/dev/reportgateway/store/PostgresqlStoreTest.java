package dev.reportgateway.store;

import javax.sql.DataSource;

/** {@link StoreContract} on a real PostgreSQL: a database of its own on this JVM's {@link EmbeddedPostgresServer}. */
class PostgresqlStoreTest extends StoreContract {

    private EmbeddedPostgresServer.TestDatabase database;

    @Override
    Database.Kind kind() {
        return Database.Kind.POSTGRESQL;
    }

    @Override
    DataSource createDataSource() {
        database = EmbeddedPostgresServer.shared().createDatabase();
        return database.dataSource();
    }

    @Override
    void dropDataSource() {
        EmbeddedPostgresServer.shared().dropDatabase(database);
    }
}
