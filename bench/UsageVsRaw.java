import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.reportgateway.usage.BillingRules;
import dev.reportgateway.usage.UnitCatalog;
import dev.reportgateway.usage.UsageBilling;
import dev.reportgateway.usage.UsageFormat;
import dev.reportgateway.usage.UsageReportReader;

/**
 * The usage parser against a raw read of the same bytes (run by {@code bench/perf.sh}, part c). For a csv_v2_0
 * file written by {@code bench/usage-parse.sh} it writes a gzip copy once (the platform serves stored reports
 * gzipped), then RUNS times each, in this one JVM: a raw scan of the plain file (read, count lines), a raw
 * gunzip-and-scan of the gzip file, the gateway's parser ({@code UsageReportReader}, as {@code UsageParseBench}
 * calls it) over the plain file and over the gzip file. MB/s always counts the uncompressed bytes. Prints one
 * {@code usage:} line per measurement with its median, and the ratios parser/raw.
 *
 *   java -Xmx128m -cp target/classes:target/test-classes:DEPS bench/UsageVsRaw.java target/bench/usage-100mb.csv_v2_0.csv 3
 */
public class UsageVsRaw {

    private static final int BUFFER = 1 << 16;

    public static void main(String[] args) throws Exception {
        Path plain = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path gzip = Path.of(args[0] + ".gz");
        if (!Files.exists(gzip) || Files.getLastModifiedTime(gzip).compareTo(Files.getLastModifiedTime(plain)) < 0) {
            Path partial = Path.of(gzip + ".partial");
            try (InputStream in = Files.newInputStream(plain);
                    OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), BUFFER)) {
                in.transferTo(out);
            }
            Files.move(partial, gzip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long bytes = Files.size(plain);
        System.out.printf("usage: file %.1f MB uncompressed, %.1f MB gzip; %d runs each, heap cap %.0f MiB%n",
                bytes / 1e6, Files.size(gzip) / 1e6, runs, Runtime.getRuntime().maxMemory() / 1048576.0);
        double[] rawPlain = new double[runs];
        double[] rawGzip = new double[runs];
        double[] parsePlain = new double[runs];
        double[] parseGzip = new double[runs];
        long lines = 0;
        long rows = 0;
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(plain)) {
                lines = scan(in);
            }
            rawPlain[run] = mbPerSecond(bytes, t0);
            t0 = System.nanoTime();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip), BUFFER)) {
                lines = scan(in);
            }
            rawGzip[run] = mbPerSecond(bytes, t0);
            t0 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(plain), BUFFER)) {
                rows = parse(in);
            }
            parsePlain[run] = mbPerSecond(bytes, t0);
            t0 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(gzip), BUFFER)) {
                rows = parse(in);
            }
            parseGzip[run] = mbPerSecond(bytes, t0);
            System.out.printf("usage: run %d: raw scan %.0f MB/s, raw gunzip+scan %.0f MB/s, parse plain %.1f MB/s,"
                    + " parse gzip %.1f MB/s%n", run + 1, rawPlain[run], rawGzip[run], parsePlain[run], parseGzip[run]);
        }
        System.out.printf("usage: %d lines, %d usage rows%n", lines, rows);
        System.out.printf("usage: median raw scan (plain)        %8.1f MB/s%n", median(rawPlain));
        System.out.printf("usage: median raw gunzip+scan (gzip)  %8.1f MB/s%n", median(rawGzip));
        System.out.printf("usage: median parser (plain)          %8.1f MB/s%n", median(parsePlain));
        System.out.printf("usage: median parser (gzip)           %8.1f MB/s%n", median(parseGzip));
        System.out.printf("usage: ratio parser/raw plain %.3f, parser/raw gzip %.3f (1.0 = parsing is free)%n",
                median(parsePlain) / median(rawPlain), median(parseGzip) / median(rawGzip));
    }

    /** Reads everything, counting lines: the least any parser must do. */
    private static long scan(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long lines = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    private static long parse(InputStream in) throws IOException {
        return UsageReportReader.read(in, UsageFormat.CSV_V2_0, new UsageBilling(BillingRules.vendor(), UnitCatalog.NONE), row -> { });
    }

    private static double mbPerSecond(long bytes, long startNanos) {
        return bytes / 1e6 / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
