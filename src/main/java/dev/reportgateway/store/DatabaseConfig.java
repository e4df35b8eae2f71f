package dev.reportgateway.store;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The database settings. A mapping of the {@code gateway} prefix, because SmallRye refuses a {@code gateway.*}
 * setting that no mapping of the prefix declares, wherever it is set (properties, system property, environment).
 */
@ConfigMapping(prefix = "gateway")
public interface DatabaseConfig {

    /** Where the embedded H2 database lives (and its lock file). */
    @WithDefault(DatabaseConfigSourceFactory.DEFAULT_DATA_DIR)
    Path dataDir();

    /** PostgreSQL, used instead of the embedded H2 when its URL is set. */
    Connection database();

    /** How to reach PostgreSQL. */
    interface Connection {
        /** A PostgreSQL JDBC URL. */
        Optional<String> url();

        Optional<String> username();

        Optional<String> password();
    }
}
