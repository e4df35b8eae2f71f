package dev.reportgateway.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void filesAreMode0600InADirectoryOfMode0700AndDeletedOnClose() throws IOException {
        SpoolDirectory spools = prepared(1024);
        byte[] report = "tenant.id,name\n".getBytes();

        SpoolFile spool = spools.spool(new ByteArrayInputStream(report));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.path())));
        assertEquals(report.length, spool.size());
        try (InputStream first = spool.open(); InputStream second = spool.open()) {
            assertArrayEquals(report, first.readAllBytes());
            assertArrayEquals(report, second.readAllBytes());
        }
        spool.close();
        spool.close();
        assertEquals(List.of(), files());
    }

    @Test
    void pastTheMaximumSizeNothingIsKept() throws IOException {
        SpoolDirectory spools = prepared(1000);
        ClosingStream download = new ClosingStream(new byte[1001]);

        SpoolLimitException tooLarge = assertThrows(SpoolLimitException.class, () -> spools.spool(download));

        assertEquals("The stored report is larger than 1000 bytes (gateway.spool.max-size).", tooLarge.getMessage());
        assertEquals(List.of(), files());
        assertTrue(download.closed, "the download is released");
        assertEquals(1000, spools.spool(new ByteArrayInputStream(new byte[1000])).size(), "exactly the maximum fits");
    }

    @Test
    void anErrorWhileSpoolingLeavesNoFile() throws IOException {
        SpoolDirectory spools = prepared(1024);
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new OutOfMemoryError("simulated");
            }
        };

        assertThrows(OutOfMemoryError.class, () -> spools.spool(failing));

        assertEquals(List.of(), files());
    }

    @Test
    void staleFilesAreDeletedAtStartupButNotThoseOfAnotherRunningGateway() throws IOException {
        Files.createDirectories(dir());
        long gone = ProcessHandle.current().pid() + 1_000_000_000L; // no such process
        Files.writeString(dir().resolve("usage-" + gone + "-7.spool"), "left by a crashed process");
        Files.writeString(dir().resolve("usage-123.spool"), "named as before");
        Files.writeString(dir().resolve("usage-" + ProcessHandle.current().pid() + "-8.spool"), "a restarted container's");
        Path running = dir().resolve("usage-" + ProcessHandle.current().parent().orElseThrow().pid() + "-9.spool");
        Files.writeString(running, "another gateway, still spooling");

        prepared(1024);

        assertEquals(List.of(running), files());
    }

    private SpoolDirectory prepared(long maxBytes) {
        SpoolDirectory spools = new SpoolDirectory(dir(), maxBytes);
        spools.prepare();
        return spools;
    }

    private Path dir() {
        return temp.resolve("spool");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.toList();
        }
    }

    private static final class ClosingStream extends ByteArrayInputStream {
        boolean closed;

        ClosingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
