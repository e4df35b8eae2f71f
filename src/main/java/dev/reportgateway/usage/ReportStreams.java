package dev.reportgateway.usage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens a stored report for reading: gunzipped when its first two bytes are {@code 1f 8b}, whatever headers said. */
final class ReportStreams {

    private static final int BUFFER = 64 * 1024;

    private ReportStreams() {
    }

    /** The report's own bytes; closing the result closes {@code in}. */
    static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(buffered, BUFFER);
        }
        return buffered;
    }
}
