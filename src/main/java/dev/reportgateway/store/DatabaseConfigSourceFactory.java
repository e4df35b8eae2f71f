package dev.reportgateway.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Chooses the database at startup, so one build serves both: with {@code gateway.database.url} set, the
 * {@code postgresql} datasource is active and the {@code h2} one is not; without it, the {@code h2} datasource
 * opens {@code <gateway.data-dir>/gateway} (an absolute path, as H2 wants one). Its values have the lowest
 * ordinal: an explicit {@code quarkus.datasource.*} setting wins.
 */
public class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** The default of {@code gateway.data-dir}. */
    static final String DEFAULT_DATA_DIR = "data";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean postgresql = isSet(context.getValue(DatabaseSettings.URL));
        ConfigValue dataDir = context.getValue(DatabaseSettings.DATA_DIR);
        Path directory = Path.of(isSet(dataDir) ? dataDir.getValue() : DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        Map<String, String> values = Map.of(
                "quarkus.datasource.\"" + DatabaseSettings.H2 + "\".active", Boolean.toString(!postgresql),
                "quarkus.datasource.\"" + DatabaseSettings.POSTGRESQL + "\".active", Boolean.toString(postgresql),
                // Each commit reaches the file before it returns (WRITE_DELAY=0): a run's stage survives kill -9.
                "quarkus.datasource.\"" + DatabaseSettings.H2 + "\".jdbc.url",
                "jdbc:h2:file:" + directory.resolve("gateway") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        return List.of(new PropertiesConfigSource(values, "gateway-database", 10));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
