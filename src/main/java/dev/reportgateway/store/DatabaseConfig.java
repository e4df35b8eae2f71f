package dev.reportgateway.store;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the gateway keeps its state (see {@link DatabaseConfigSourceFactory} for how they choose the datasource). */
@ConfigMapping(prefix = "gateway")
public interface DatabaseConfig {

    /** The directory of the embedded H2 database (and its lock file), when no PostgreSQL is configured. */
    @WithDefault(DatabaseConfigSourceFactory.DEFAULT_DATA_DIR)
    Path dataDir();

    /** PostgreSQL, for any number of replicas. */
    Connection database();

    /** A PostgreSQL connection; all unset: the embedded H2. */
    interface Connection {
        /** {@code jdbc:postgresql://host:5432/database}. */
        Optional<String> url();

        Optional<String> username();

        /** From the environment ({@code GATEWAY_DATABASE_PASSWORD}) only. */
        Optional<String> password();
    }
}
