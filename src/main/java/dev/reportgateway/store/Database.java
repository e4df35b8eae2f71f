package dev.reportgateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.flyway.FlywayDataSource;

/**
 * The active database, migrated and ready: PostgreSQL when {@code gateway.database.url} is set, else the embedded
 * H2 file database under {@code gateway.data-dir}, which one gateway process at a time may open (a lock file in
 * the directory says which; a second process refuses to start instead of waiting on H2's own lock). It is opened
 * when first used, which {@link DatabaseOpening} makes happen right after the start, beside it rather than in its way.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class);
    private static final String LOCK_FILE = "gateway.lock";

    /** The two kinds the gateway runs on. */
    public enum Kind {
        H2, POSTGRESQL
    }

    private final Kind kind;
    private final Path dataDir;
    private final DataSource dataSource;
    private final Flyway flyway;
    private FileChannel lockChannel;
    private FileLock lock;

    @Inject
    Database(DatabaseConfig config, @Any Instance<AgroalDataSource> dataSources, @Any Instance<Flyway> flyways) {
        Optional<String> url = config.database().url();
        this.kind = url.filter(value -> !value.isBlank()).isPresent() ? Kind.POSTGRESQL : Kind.H2;
        if (kind == Kind.POSTGRESQL && !url.get().startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(DatabaseSettings.URL + " must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)");
        }
        this.dataDir = config.dataDir().toAbsolutePath().normalize();
        String name = kind == Kind.H2 ? DatabaseSettings.H2 : DatabaseSettings.POSTGRESQL;
        this.dataSource = dataSources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(name)).get();
        this.flyway = flyways.select(FlywayDataSource.FlywayDataSourceLiteral.of(name)).get();
    }

    /** A database over {@code dataSource}, migrated by the caller (tests). */
    Database(Kind kind, DataSource dataSource) {
        this.kind = kind;
        this.dataDir = null;
        this.dataSource = dataSource;
        this.flyway = null;
    }

    @PostConstruct
    void open() {
        if (kind == Kind.H2) {
            lockDataDir();
        }
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (RuntimeException failed) {
            close(); // a later attempt in this process must not find the lock taken by this one
            throw failed;
        }
        // the version from the migration's own result: flyway.info() would read the migrations and the history again
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.infof("Database: %s, schema version %s (%d migrations applied now)", describe(), version == null ? "none" : version,
                result.migrationsExecuted);
    }

    @PreDestroy
    void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the operating system drops the lock when the process ends anyway
        }
    }

    /** Which database is active. */
    public Kind kind() {
        return kind;
    }

    /** The active datasource (a pool). */
    public DataSource dataSource() {
        return dataSource;
    }

    private String describe() {
        return kind == Kind.H2 ? "embedded H2 in " + dataDir + " (one gateway instance only)" : "PostgreSQL";
    }

    private void lockDataDir() {
        try {
            if (!Files.isDirectory(dataDir)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dataDir);
                }
            }
            lockChannel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("Another gateway process uses the data directory " + dataDir
                        + ": its embedded H2 database serves one instance only. Stop that process, give this one another "
                        + DatabaseSettings.DATA_DIR + ", or point every replica at one PostgreSQL with " + DatabaseSettings.URL + ".");
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot open the data directory " + dataDir + " (" + DatabaseSettings.DATA_DIR + ")", failed);
        }
    }
}
