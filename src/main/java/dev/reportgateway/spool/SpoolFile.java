package dev.reportgateway.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** One spooled download, mode 0600, readable any number of times; {@link #close()} deletes it (once, from any thread). */
public final class SpoolFile implements AutoCloseable {

    private final Path path;
    private final long size;
    private final AtomicBoolean closed = new AtomicBoolean();

    SpoolFile(Path path, long size) {
        this.path = path;
        this.size = size;
    }

    /** Bytes spooled. */
    public long size() {
        return size;
    }

    /** A new stream over the spooled bytes; the caller closes it. */
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    Path path() {
        return path;
    }

    /** Deletes the file; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }
}
