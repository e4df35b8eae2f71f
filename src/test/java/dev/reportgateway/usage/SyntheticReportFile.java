package dev.reportgateway.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/** A {@link SyntheticCsvReport} written to a file, gzip-compressed as the platform serves stored reports (for benchmarks). */
public final class SyntheticReportFile {

    /** Average bytes of a {@link SyntheticCsvReport} line, to turn a size into a row count. */
    public static final int BYTES_PER_ROW = 318;

    private SyntheticReportFile() {
    }

    /** What was written: data rows (without the header) and bytes before compression. */
    public record Written(long rows, long uncompressedBytes) {
    }

    /** Writes a gzip csv_v2_0 of at least {@code size} uncompressed bytes to {@code file} (through a temporary file). */
    public static Written writeGzip(Path file, long size) throws IOException {
        long rows = size / BYTES_PER_ROW + 1;
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        SyntheticCsvReport report = new SyntheticCsvReport(rows);
        try (InputStream in = report; OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            in.transferTo(out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return new Written(rows, report.bytesRead());
    }
}
