package dev.reportgateway.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The directory the gateway spools downloads into: its own (mode 0700), each file created mode 0600 and written in
 * place, none larger than {@code gateway.spool.max-size}, and named after the process that made it
 * ({@code usage-<pid>-....spool}), so that at startup the files of processes that are gone are deleted and those of
 * another gateway still running on the same host are not. A file that cannot be completed is deleted whatever went
 * wrong, {@link Error}s included.
 */
@Singleton
public class SpoolDirectory {

    private static final Logger LOG = Logger.getLogger(SpoolDirectory.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final int BUFFER = 64 * 1024;
    private static final String PREFIX = "usage-";
    private static final Pattern OWNER = Pattern.compile(PREFIX + "(\\d{1,18})-.*");

    private final Path dir;
    private final long maxBytes;
    private final long pid = ProcessHandle.current().pid();

    @Inject
    SpoolDirectory(SpoolConfig config) {
        this(config.dir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "acronis-report-gateway-spool")),
                config.maxSize().asLongValue());
    }

    SpoolDirectory(Path dir, long maxBytes) {
        this.dir = dir.toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    void onStart(@Observes StartupEvent started) {
        prepare();
    }

    /** Creates the directory if needed and deletes the files that no running process spools into any more. */
    void prepare() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, attributes("rwx------"));
            }
            try (Stream<Path> stale = Files.list(dir)) {
                long deleted = stale.filter(Files::isRegularFile).filter(this::isStale).filter(SpoolDirectory::delete).count();
                if (deleted > 0) {
                    LOG.infof("Deleted %d stale spool file(s) in %s", deleted, dir);
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot prepare the spool directory " + dir + " (gateway.spool.dir)", failed);
        }
    }

    /**
     * Copies {@code in} into a new spool file and closes {@code in}.
     *
     * @throws SpoolLimitException past {@code gateway.spool.max-size} (the partial file is deleted)
     */
    public SpoolFile spool(InputStream in) throws IOException {
        Path file = Files.createTempFile(dir, PREFIX + pid + "-", ".spool", attributes("rw-------"));
        try (in; OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                size += n;
                if (size > maxBytes) {
                    throw new SpoolLimitException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return new SpoolFile(file, size);
        } catch (Throwable failed) {
            delete(file);
            throw failed;
        }
    }

    /**
     * Left by a process that is gone: one whose pid no process has, or has this process's pid (a restarted
     * container's), or a file not named after a process at all.
     */
    private boolean isStale(Path file) {
        Matcher owner = OWNER.matcher(file.getFileName().toString());
        if (!owner.matches()) {
            return true;
        }
        long ownerPid = Long.parseLong(owner.group(1));
        return ownerPid == pid || ProcessHandle.of(ownerPid).map(process -> !process.isAlive()).orElse(true);
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
                : new FileAttribute<?>[0];
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException failed) {
            LOG.warnf("Cannot delete spool file %s: %s", file, failed.getMessage());
            return false;
        }
    }
}
