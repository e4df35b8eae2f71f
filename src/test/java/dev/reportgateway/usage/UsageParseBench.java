package dev.reportgateway.usage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark (run by {@code bench/usage-parse.sh}): writes a generated csv_v2_0 of at least the given size once,
 * parses it N times in this JVM, and prints MB/s per run, the median, the peak heap and the heap cap.
 */
public final class UsageParseBench {

    /** Average bytes of a {@link SyntheticCsvReport} line, to turn a size into a row count. */
    private static final int BYTES_PER_ROW = 318;

    private UsageParseBench() {
    }

    /** Args: report file, size in MB (10^6 bytes), number of runs. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long size = Long.parseLong(args[1]) * 1_000_000L;
        int runs = Integer.parseInt(args[2]);
        if (!Files.exists(file) || Files.size(file) < size) {
            try (InputStream in = new SyntheticCsvReport(size / BYTES_PER_ROW + 1);
                    OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
        }
        long bytes = Files.size(file);
        double[] mbPerSecond = new double[runs];
        long peak = 0;
        for (int run = 0; run < runs; run++) {
            System.gc();
            LargeCsvParseMain.resetPeakHeap();
            long start = System.nanoTime();
            long rows;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                rows = UsageReportReader.read(in, UsageFormat.CSV_V2_0, new UsageBilling(BillingRules.vendor(), UnitCatalog.NONE), row -> { });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            mbPerSecond[run] = bytes / 1e6 / seconds;
            long runPeak = LargeCsvParseMain.peakHeap();
            peak = Math.max(peak, runPeak);
            System.out.printf("run %d: %d rows, %.1f MB in %.2f s = %.1f MB/s, peak heap %.1f MiB%n",
                    run + 1, rows, bytes / 1e6, seconds, mbPerSecond[run], runPeak / 1048576.0);
        }
        Arrays.sort(mbPerSecond);
        double median = runs % 2 == 1 ? mbPerSecond[runs / 2]
                : (mbPerSecond[runs / 2 - 1] + mbPerSecond[runs / 2]) / 2;
        System.out.printf("median %.1f MB/s over %d runs of %.1f MB; peak heap %.1f MiB (sum of heap pool peaks);"
                + " heap cap %.1f MiB%n", median, runs, bytes / 1e6, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
