package dev.reportgateway.usage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens a stored report for reading: gunzipped when its first two bytes are {@code 1f 8b}, whatever headers said,
 * and once more if that gives gzip again (a gzip file sent with {@code Content-Encoding: gzip}).
 */
public final class ReportStreams {

    /** Gzip layers unwrapped at most. */
    private static final int MAX_LAYERS = 2;

    private static final int BUFFER = 64 * 1024;

    private ReportStreams() {
    }

    /** The report's own bytes; closing the result closes {@code in}. */
    public static InputStream decompressed(InputStream in) throws IOException {
        InputStream current = in;
        for (int layer = 0; layer <= MAX_LAYERS; layer++) {
            BufferedInputStream buffered = new BufferedInputStream(current, BUFFER);
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            if (first != 0x1f || second != 0x8b || layer == MAX_LAYERS) {
                return buffered;
            }
            current = new GZIPInputStream(buffered, BUFFER);
        }
        return current;
    }
}
