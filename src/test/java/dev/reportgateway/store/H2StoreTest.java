package dev.reportgateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * {@link StoreContract} on the embedded H2 file database, opened as the gateway opens it; one connection stays open
 * meanwhile, as the gateway's pool keeps them, so that H2 does not close and reopen the file between calls.
 */
class H2StoreTest extends StoreContract {

    private Connection keepOpen;

    @Override
    Database.Kind kind() {
        return Database.Kind.H2;
    }

    @Override
    DataSource createDataSource() {
        Path directory = Path.of("target", "test-data", "store-" + UUID.randomUUID()).toAbsolutePath();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("gateway") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        try {
            keepOpen = dataSource.getConnection();
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot open " + directory, failed);
        }
        return dataSource;
    }

    @Override
    void dropDataSource() throws SQLException {
        keepOpen.close();
    }
}
