package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.reportgateway.metrics.MetricNames;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * Downloads and usage calls release what they hold however they end: HEAD never leaves an upstream download open,
 * no spool file outlives its request, a hostile report stops at a named limit, and the usage CSV is safe to open.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class DownloadCleanupTest extends UpstreamTest {

    private static final String STORED_ID = StoredReportsTest.STORED_ID;
    private static final String OTHER_ID = "5c1a7e2b-0d4f-4a8e-9b3c-6f2e1d0a9b87";
    private static final String DOWNLOAD = "/api/2/reports/" + REPORT_ID + "/stored/";
    /** Where the test profile spools (gateway.spool.dir). */
    private static final Path SPOOL = Path.of("target", "spool");
    /** A request that hangs fails the test instead of the build (generous: the first call of a cold app is slow). */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 60_000).setParam("http.socket.timeout", 60_000));

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void twoHundredHeadsThenAGetOfAnotherDownloadAnswersAtOnce() throws IOException {
        stubStored(STORED_ID, "csv_v2_0", OTHER_ID, "csv_v2_0");
        byte[] large = new byte[4 * 1024 * 1024]; // more than a client buffers: an unread download holds its connection
        new Random(8).nextBytes(large);
        stubFile(STORED_ID, large);
        stubFile(OTHER_ID, StoredReportsTest.CSV.getBytes(StandardCharsets.UTF_8));

        for (int i = 0; i < 200; i++) {
            given().config(BOUNDED).when().head(DOWNLOAD + STORED_ID)
                    .then().statusCode(200)
                    .contentType(startsWith("text/csv"))
                    .header("Content-Disposition", "attachment; filename=\"" + REPORT_ID + "-" + STORED_ID + ".csv_v2_0.csv\"");
        }

        given().config(BOUNDED).when().get(DOWNLOAD + OTHER_ID)
                .then().statusCode(200).body(equalTo(StoredReportsTest.CSV));
    }

    @Test
    void aHundredUsageCallsEndingInHeadDisconnectOrParseErrorLeaveNoSpoolFile() throws IOException {
        byte[] good = StoredReportsTest.gzip(resource("usage/report.csv_v2_0.csv"));
        stubStored(STORED_ID, "csv_v2_0", OTHER_ID, "csv_v2_0");
        stubFile(STORED_ID, good);
        stubFile(OTHER_ID, StoredReportsTest.gzip(resource("usage/malformed-number.csv_v2_0.csv")));

        for (int i = 0; i < 34; i++) {
            given().config(BOUNDED).accept("text/csv").when().head(usage(STORED_ID))
                    .then().statusCode(200).contentType(startsWith("text/csv"));
        }
        for (int i = 0; i < 33; i++) {
            given().config(BOUNDED).when().get(usage(OTHER_ID))
                    .then().statusCode(502).contentType("application/problem+json")
                    .body("type", equalTo("urn:report-gateway:problem:stored-report-malformed"));
        }
        // the platform answers slowly, so each caller hangs up while the gateway is still downloading
        wireMock.stubFor(get(urlEqualTo(DOWNLOAD + STORED_ID)).willReturn(aResponse().withStatus(200).withBody(good)
                .withFixedDelay(200)));
        double spooledBefore = spooledBytes();
        int downloadedBefore = downloadsOf(STORED_ID);
        for (int i = 1; i <= 33; i++) {
            int downloads = downloadedBefore + i;
            try (Socket socket = sendUsageGet(usage(STORED_ID))) {
                assertTrue(eventually(() -> downloadsOf(STORED_ID) >= downloads), "the gateway downloads for call " + i);
            } // hung up without reading a byte of the answer
        }

        assertTrue(eventually(() -> spooledBytes() - spooledBefore >= 33.0 * good.length),
                "every hung-up call was spooled: " + (spooledBytes() - spooledBefore) + " bytes");
        assertTrue(eventually(() -> spoolFiles().isEmpty()), "spool files left: " + spoolFiles());
    }

    @Test
    void anEndlessCsvHeaderIsA502NamingTheLimitWithNoSpoolLeft() throws IOException {
        stubStored(STORED_ID, "csv_v2_0", OTHER_ID, "csv_v2_0");
        stubFile(STORED_ID, endlessHeaderGzip(64 * 1024 * 1024));

        given().config(BOUNDED).when().get(usage(STORED_ID))
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:stored-report-too-large"))
                .body("status", equalTo(502))
                .body("detail", equalTo("The platform's stored report was refused: csv_v2_0 line 1 has more than 512 columns "
                        + "(gateway.usage.max-columns)"));
        assertTrue(eventually(() -> spoolFiles().isEmpty()), "spool files left: " + spoolFiles());
    }

    @Test
    void formulaCellsAreNeutralisedInTheUsageCsvAndNumbersAreNot() throws IOException {
        String csv = """
                tenant.id,tenant.name,tenant.kind,name,measurement_unit,usage.absolute.production,usage.absolute.total,\
                usage.absolute.trial,usage.delta.production,usage.delta.total,usage.delta.trial,usage.effective.production,\
                usage.effective.total,usage.effective.trial
                0f000000-0000-4000-8000-0000000000a1,"=HYPERLINK(""http://evil.example"",""x"")",customer,pw_base_workstations,quantity,-5,-0.25,0,1,1,0,1,1,0
                0f000000-0000-4000-8000-0000000000a2,@SUM(A1:A9),customer,pw_base_workstations,quantity,1,1,0,1,1,0,1,1,0
                0f000000-0000-4000-8000-0000000000a3,+1+1,customer,pw_base_workstations,quantity,1,1,0,1,1,0,1,1,0
                0f000000-0000-4000-8000-0000000000a4,"\t=1+1",customer,pw_base_workstations,quantity,1,1,0,1,1,0,1,1,0
                0f000000-0000-4000-8000-0000000000a5,-1+1,customer,pw_base_workstations,quantity,1,1,0,1,1,0,1,1,0
                """;
        stubStored(STORED_ID, "csv_v2_0", OTHER_ID, "csv_v2_0");
        stubFile(STORED_ID, StoredReportsTest.gzip(csv.getBytes(StandardCharsets.UTF_8)));

        String answer = given().config(BOUNDED).accept("text/csv").when().get(usage(STORED_ID))
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();

        List<Map<String, String>> rows = readCsv(answer);
        assertEquals(List.of("'=HYPERLINK(\"http://evil.example\",\"x\")", "'@SUM(A1:A9)", "'+1+1", "'=1+1", "'-1+1"),
                rows.stream().map(row -> row.get("tenant_name")).toList());
        assertEquals("-5", rows.get(0).get("absolute_production"));
        assertEquals("-0.25", rows.get(0).get("absolute_total"));
        assertEquals("-0.25", rows.get(0).get("converted_absolute_total"));
        assertTrue(answer.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",customer,"), answer);
    }

    private static String usage(String storedId) {
        return "/billing/reports/" + REPORT_ID + "/stored/" + storedId + "/usage";
    }

    /** Sends a usage GET over a raw socket; the caller closes it without reading the answer. */
    private Socket sendUsageGet(String path) throws IOException {
        Socket socket = new Socket(gateway.getHost(), gateway.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\nX-API-Key: " + TestKeys.ADMIN
                + "\r\nAccept: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private int downloadsOf(String storedId) {
        return wireMock.countRequestsMatching(getRequestedFor(urlEqualTo(DOWNLOAD + storedId)).build()).getCount();
    }

    private double spooledBytes() {
        return registry.counter(MetricNames.USAGE_BYTES, MetricNames.FORMAT, "csv_v2_0").count();
    }

    private static List<Path> spoolFiles() {
        if (!Files.isDirectory(SPOOL)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls {@code condition} every 10 ms for up to 60 s; whether it became true. */
    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(10_000_000L);
        }
        return true;
    }

    /** Gzip of a CSV header that is {@code size} bytes of {@code a,}, made in chunks. */
    private static byte[] endlessHeaderGzip(int size) throws IOException {
        byte[] chunk = "a,".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (int written = 0; written < size; written += chunk.length) {
                gzip.write(chunk);
            }
        }
        return out.toByteArray();
    }

    private static List<Map<String, String>> readCsv(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> read = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return read.readAll();
        }
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private void stubStored(String firstId, String firstFormat, String secondId, String secondFormat) {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200,
                "{\"items\":[" + item(firstId, firstFormat) + "," + item(secondId, secondFormat) + "]}")));
    }

    private static String item(String id, String format) {
        return "{\"id\":\"" + id + "\",\"report_format\":\"" + format + "\",\"size\":1,"
                + "\"created_at\":\"2026-11-26T07:36:58+00:00\",\"status\":\"saved\"}";
    }

    private void stubFile(String storedId, byte[] body) {
        wireMock.stubFor(get(urlEqualTo(DOWNLOAD + storedId)).willReturn(aResponse().withStatus(200).withBody(body)));
    }
}
