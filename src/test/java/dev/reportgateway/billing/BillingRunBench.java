package dev.reportgateway.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.reportgateway.store.EmbeddedPostgresServer;
import dev.reportgateway.store.PackagedGateway;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.WireMockUpstream;
import dev.reportgateway.usage.SyntheticReportFile;

/**
 * Benchmark (run by {@code bench/billing-run.sh}): one billing run of a large generated csv_v2_0 report through the
 * packaged jar, on the embedded H2 and on PostgreSQL. The report is written once (gzip, as the platform serves it);
 * a WireMock stand-in platform in this JVM answers the create, lists the stored report as ready at once, serves the
 * file and accepts the delete, so every second measured is the gateway's own. Each run starts a fresh gateway
 * (heap cap and GC log through {@code JAVA_TOOL_OPTIONS}) on a fresh database, POSTs the run, follows
 * {@code GET /billing/runs/{id}} every 50 ms until it is done, counts the stored rows in the database, and prints
 * rows per second while parsing, MB/s, the time from the POST to done, and the peak heap from the GC log.
 */
public final class BillingRunBench {

    private static final String TENANT = "0f000000-0000-4000-8000-000000000001";
    private static final String REPORT_ID = "b1000000-0000-4000-8000-00000000be4c";
    private static final String STORED_ID = "b2000000-0000-4000-8000-00000000be4c";
    private static final String MONTH = "2025-01";
    private static final Path HOME = Path.of("target", "bench").toAbsolutePath();
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M");
    /**
     * More JVM options of the gateway (environment {@code BENCH_JAVA_OPTS}, no spaces inside one), e.g. a -D setting to
     * compare; {@code {data}} stands for the run's data directory.
     */
    private static final String EXTRA_OPTIONS = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BillingRunBench() {
    }

    /** What one run measured. */
    record Result(long rowsParsed, long rowsInDatabase, double parseSeconds, double downloadSeconds, double totalSeconds,
            double clientSeconds, long gzipBytes, long uncompressedBytes, int peakBeforeMiB, int peakAfterMiB) {

        double rowsPerSecond() {
            return rowsParsed / parseSeconds;
        }

        double megabytesPerSecond() {
            return uncompressedBytes / 1e6 / parseSeconds;
        }
    }

    /** Args: size in MB (10^6 bytes, uncompressed), runs per database, heap cap (e.g. 128m), databases (h2,postgresql). */
    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]) * 1_000_000L;
        int runs = Integer.parseInt(args[1]);
        String heap = args[2];
        List<String> databases = List.of(args.length > 3 ? args[3].split(",") : new String[] {"h2", "postgresql"});
        Files.createDirectories(HOME);

        Path report = HOME.resolve("billing-" + args[0] + "mb.csv_v2_0.csv.gz");
        Path facts = HOME.resolve("billing-" + args[0] + "mb.properties");
        Properties written = new Properties();
        if (Files.isRegularFile(report) && Files.isRegularFile(facts)) {
            try (InputStream in = Files.newInputStream(facts)) {
                written.load(in);
            }
            System.out.printf("report: reusing %s%n", report);
        } else {
            long start = System.nanoTime();
            SyntheticReportFile.Written made = SyntheticReportFile.writeGzip(report, size);
            written.setProperty("rows", Long.toString(made.rows()));
            written.setProperty("uncompressed", Long.toString(made.uncompressedBytes()));
            try (OutputStream out = Files.newOutputStream(facts)) {
                written.store(out, "the generated report " + report.getFileName());
            }
            System.out.printf("report: generated %s in %.1f s%n", report, (System.nanoTime() - start) / 1e9);
        }
        long rows = Long.parseLong(written.getProperty("rows"));
        long uncompressed = Long.parseLong(written.getProperty("uncompressed"));
        byte[] gzip = Files.readAllBytes(report);
        System.out.printf("report: %d usage rows, %.1f MB csv_v2_0, served gzip: %.1f MB (%.1fx)%n", rows, uncompressed / 1e6,
                gzip.length / 1e6, (double) uncompressed / gzip.length);
        System.out.printf("gateway: packaged jar, -Xmx%s, gateway.billing.batch-size default (1000), a fresh process and database per run%n", heap);

        WireMockServer platform = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)
                .disableRequestJournal());
        platform.start();
        EmbeddedPostgresServer postgresql = null;
        Map<String, List<Result>> results = new LinkedHashMap<>();
        try {
            stubPlatform(platform, gzip);
            for (String database : databases) {
                if (database.equals("postgresql") && postgresql == null) {
                    postgresql = EmbeddedPostgresServer.start();
                }
                List<Result> own = new ArrayList<>();
                results.put(database, own);
                for (int run = 1; run <= runs; run++) {
                    Result result = run(database, run, platform.port(), postgresql, heap, gzip.length, uncompressed);
                    own.add(result);
                    System.out.printf(
                            "%-10s run %d: %d rows stored (%d in the database), parsing %.2f s = %.0f rows/s = %.1f MB/s; download %.2f s;"
                                    + " POST to done %.2f s (%.2f s seen by the client); peak heap %d MiB before GC, %d MiB after%n",
                            database, run, result.rowsParsed(), result.rowsInDatabase(), result.parseSeconds(), result.rowsPerSecond(),
                            result.megabytesPerSecond(), result.downloadSeconds(), result.totalSeconds(), result.clientSeconds(),
                            result.peakBeforeMiB(), result.peakAfterMiB());
                }
            }
        } finally {
            platform.stop();
            if (postgresql != null) {
                postgresql.close();
            }
        }

        System.out.printf("%nmedians over %d run(s) of a %.1f MB report (%d rows); the stand-in platform takes no time to generate it,"
                + " so POST to done is the gateway's own time:%n", runs, uncompressed / 1e6, rows);
        System.out.printf("%-10s %12s %12s %10s %12s %12s %14s %13s%n", "database", "rows stored", "rows/s", "MB/s", "parse s",
                "POST->done s", "peak heap MiB", "live set MiB");
        for (Map.Entry<String, List<Result>> entry : results.entrySet()) {
            List<Result> own = entry.getValue();
            System.out.printf("%-10s %12d %12.0f %10.1f %12.2f %12.2f %14.0f %13.0f%n", entry.getKey(), own.get(0).rowsInDatabase(),
                    median(own, Result::rowsPerSecond), median(own, Result::megabytesPerSecond), median(own, Result::parseSeconds),
                    median(own, Result::totalSeconds), median(own, r -> r.peakBeforeMiB()), median(own, r -> r.peakAfterMiB()));
        }
        if (results.containsKey("h2") && results.containsKey("postgresql")) {
            List<Result> h2 = results.get("h2");
            List<Result> pg = results.get("postgresql");
            System.out.printf("PostgreSQL/H2: rows/s %.2f, POST to done %.2f%n",
                    median(pg, Result::rowsPerSecond) / median(h2, Result::rowsPerSecond),
                    median(pg, Result::totalSeconds) / median(h2, Result::totalSeconds));
        }
    }

    /** The platform: a token, the API client, no earlier report, a create, a stored report ready at once, the file, a delete. */
    private static void stubPlatform(WireMockServer platform, byte[] gzip) {
        Upstream.reset(platform, "bench-token");
        platform.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).willReturn(Upstream.json(200, "{\"items\":[]}")));
        platform.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(200, BillingRunContract.report(REPORT_ID,
                "2025-01-01", "2025-01-31"))));
        platform.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(Upstream.json(200, BillingRunContract.report(REPORT_ID,
                "2025-01-01", "2025-01-31"))));
        platform.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200,
                "{\"items\":[{\"id\":\"" + STORED_ID + "\",\"report_format\":\"csv_v2_0\",\"created_at\":\"2025-02-01T00:00:00Z\","
                        + "\"status\":\"saved\"}]}")));
        platform.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored/" + STORED_ID))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(gzip)));
        platform.stubFor(delete(urlPathEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(aResponse().withStatus(204)));
    }

    private static Result run(String database, int number, int platformPort, EmbeddedPostgresServer postgresql, String heap,
            long gzipBytes, long uncompressed) throws Exception {
        String key = HexFormat.of().formatHex(randomBytes());
        Path gcLog = HOME.resolve("billing-run-gc-" + database + "-" + number + ".log");
        Files.deleteIfExists(gcLog);
        PackagedGateway.Launcher launcher = PackagedGateway.launcher("bench-" + database);
        launcher.env("JAVA_TOOL_OPTIONS", ("-Xmx" + heap + " -Xlog:gc:file=" + gcLog + " "
                        + EXTRA_OPTIONS.replace("{data}", launcher.dataDir().toString())).trim())
                .env("GATEWAY_API_KEYS_BENCH_SHA256", sha256(key))
                .env("GATEWAY_API_KEYS_BENCH_ROLES", "reports-reader,reports-writer")
                .property("acronis.url", "http://127.0.0.1:" + platformPort)
                .property("acronis.client-id", WireMockUpstream.CLIENT_ID)
                .property("acronis.client-secret", WireMockUpstream.CLIENT_SECRET)
                .property("gateway.spool.dir", HOME.resolve("spool").toString())
                // the download is the gzip file; the limit is on what is downloaded, the default 256M
                .property("gateway.spool.max-size", Math.max(256, gzipBytes * 2 / 1_048_576 + 1) + "M")
                .property("gateway.usage.max-decompressed-size", Math.max(4096, uncompressed * 2 / 1_048_576 + 1) + "M")
                .property("gateway.billing.poll-initial", "100ms")
                .deadline(Duration.ofMinutes(5));
        EmbeddedPostgresServer.TestDatabase pg = null;
        if (database.equals("postgresql")) {
            pg = postgresql.createDatabase();
            launcher.env("GATEWAY_DATABASE_URL", pg.url()).env("GATEWAY_DATABASE_USERNAME", pg.username())
                    .env("GATEWAY_DATABASE_PASSWORD", pg.password());
        }
        try (PackagedGateway gateway = launcher.start()) {
            long posted = System.nanoTime();
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(gateway.uri("/billing/runs"))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"month\":\"" + MONTH + "\",\"tenant_id\":\"" + TENANT + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 202) {
                throw new IllegalStateException("POST /billing/runs answered " + created.statusCode() + ": " + created.body());
            }
            String id = JSON.readTree(created.body()).path("id").asText();
            Instant downloading = null;
            Instant parsing = null;
            JsonNode done;
            while (true) {
                JsonNode run = JSON.readTree(HTTP.send(HttpRequest.newBuilder(gateway.uri("/billing/runs/" + id)).header("X-API-Key", key)
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                String status = run.path("status").asText();
                if (status.equals("downloading") && downloading == null) {
                    downloading = Instant.parse(run.path("stage_started_at").asText());
                }
                if (status.equals("parsing") && parsing == null) {
                    parsing = Instant.parse(run.path("stage_started_at").asText());
                }
                if (status.equals("done")) {
                    done = run;
                    break;
                }
                if (status.equals("failed") || status.equals("cancelled")) {
                    throw new IllegalStateException("The run ended " + status + ": " + run.toPrettyString() + "\nlog: " + gateway.logFile());
                }
                Thread.sleep(50);
            }
            double clientSeconds = (System.nanoTime() - posted) / 1e9;
            if (parsing == null) {
                throw new IllegalStateException("The run was never seen parsing (too small a report?): " + done.toPrettyString());
            }
            Instant createdAt = Instant.parse(done.path("created_at").asText());
            Instant finishedAt = Instant.parse(done.path("finished_at").asText());
            long rowsParsed = done.path("progress").path("rows_parsed").asLong();
            gateway.stop();
            long inDatabase = pg != null ? count(pg.url(), pg.username(), pg.password())
                    : countH2(launcher.dataDir().resolve("gateway"));
            int[] peak = peakHeap(gcLog);
            return new Result(rowsParsed, inDatabase, seconds(parsing, finishedAt),
                    downloading == null ? Double.NaN : seconds(downloading, parsing), seconds(createdAt, finishedAt), clientSeconds,
                    gzipBytes, uncompressed, peak[0], peak[1]);
        } finally {
            if (pg != null) {
                postgresql.dropDatabase(pg);
            }
        }
    }

    /** The H2 file's rows, as the gateway's user (none given: H2's empty user name, or {@code sa}). */
    private static long countH2(Path file) {
        long rows = count("jdbc:h2:file:" + file + ";IFEXISTS=TRUE", "", "");
        return rows >= 0 ? rows : count("jdbc:h2:file:" + file + ";IFEXISTS=TRUE", "sa", "");
    }

    /** Rows in billing_usage_row (one run per database), or -1 when the database cannot be read. */
    private static long count(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM billing_usage_row")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException failed) {
            System.out.println("(cannot count the stored rows: " + failed.getMessage() + ")");
            return -1;
        }
    }

    /** The largest heap occupancy the GC log shows before a collection and after one (the live set), in MiB. */
    private static int[] peakHeap(Path gcLog) throws IOException {
        int before = 0;
        int after = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher heap = GC_HEAP.matcher(line);
            if (heap.find()) {
                before = Math.max(before, Integer.parseInt(heap.group(1)));
                after = Math.max(after, Integer.parseInt(heap.group(2)));
            }
        }
        return new int[] {before, after};
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double median(List<Result> results, ToDoubleFunction<Result> value) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String key) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
