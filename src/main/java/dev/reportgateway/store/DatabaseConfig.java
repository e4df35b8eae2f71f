package dev.reportgateway.store;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The database settings, mapped so that the checks of the {@code gateway} namespace know them (an unknown
 * {@code gateway.*} key stops the start); {@link DatabaseConfigSourceFactory} reads the same keys before CDI.
 */
@ConfigMapping(prefix = "gateway")
public interface DatabaseConfig {

    /** Where the embedded H2 database lives (and its lock file). */
    @WithDefault(DatabaseConfigSourceFactory.DEFAULT_DATA_DIR)
    Path dataDir();

    /** PostgreSQL, when its URL is set. */
    Connection database();

    /** {@code gateway.database.*}. */
    interface Connection {
        /** A JDBC URL of PostgreSQL; set, the gateway uses PostgreSQL instead of the embedded H2. */
        Optional<String> url();

        /** The PostgreSQL user. */
        Optional<String> username();

        /** Its password (environment only). */
        Optional<String> password();
    }
}
