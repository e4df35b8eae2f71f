package dev.reportgateway.store;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** {@link StoreContract} on the embedded H2 file database, opened as the gateway opens it. */
class H2StoreTest extends StoreContract {

    @Override
    Database.Kind kind() {
        return Database.Kind.H2;
    }

    @Override
    DataSource createDataSource() {
        Path directory = Path.of("target", "test-data", "store-" + UUID.randomUUID()).toAbsolutePath();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("gateway") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        return dataSource;
    }

    @Override
    void dropDataSource() {
        // target/test-data goes with the build directory
    }
}
