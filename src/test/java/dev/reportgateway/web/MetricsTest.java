package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /q/metrics} after real traffic: upstream calls by operation and outcome, retries, token requests,
 * idempotent replays, usage rows and bytes — and no id anywhere in the metrics text, whatever ids the requests carried.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class MetricsTest extends UpstreamTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String MISSING_ID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";
    private static final String FAILING_ID = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";

    @Test
    void callsTokensReplaysAndUsageAreCountedWithoutIds() throws IOException {
        Upstream.stubCreated(wireMock, REPORT_ID);
        wireMock.stubFor(get(urlEqualTo(Upstream.REPORTS_PATH + "/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        wireMock.stubFor(get(urlEqualTo(Upstream.REPORTS_PATH + "/" + MISSING_ID))
                .willReturn(Upstream.json(404, Upstream.errorJson(404, "Report not found"))));
        wireMock.stubFor(get(urlEqualTo(Upstream.REPORTS_PATH + "/" + FAILING_ID))
                .willReturn(Upstream.json(503, Upstream.errorJson(503, "Service unavailable"))));
        serveStoredCsv();

        String key = "metrics-" + System.nanoTime();
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").header("Idempotency-Key", key).body(SeedReport.body(SeedReport.TENANT))
                    .when().post("/api/2/reports").then().statusCode(200);
        }
        given().when().get("/api/2/reports/" + REPORT_ID).then().statusCode(200);
        given().when().get("/api/2/reports/" + MISSING_ID).then().statusCode(404);
        given().when().get("/api/2/reports/" + FAILING_ID).then().statusCode(502);
        given().when().get("/billing/reports/" + REPORT_ID + "/stored/" + StoredReportsTest.STORED_ID + "/usage")
                .then().statusCode(200);
        given().when().get("/api/2/no-such-route/" + MISSING_ID).then().statusCode(404);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertAtLeast(metrics, "gateway_upstream_calls_seconds_count", "operation=\"create\",outcome=\"success\"", 1);
        assertAtLeast(metrics, "gateway_upstream_calls_seconds_count", "operation=\"fetch\",outcome=\"success\"", 1);
        assertAtLeast(metrics, "gateway_upstream_calls_seconds_count", "operation=\"fetch\",outcome=\"client_error\"", 1);
        assertAtLeast(metrics, "gateway_upstream_calls_seconds_count", "operation=\"fetch\",outcome=\"platform_error\"", 1);
        assertAtLeast(metrics, "gateway_upstream_calls_seconds_count", "operation=\"download\",outcome=\"success\"", 1);
        assertAtLeast(metrics, "gateway_upstream_retries_total", "kind=\"read\"", 2);
        assertAtLeast(metrics, "gateway_token_requests_total", "outcome=\"success\"", 1);
        assertAtLeast(metrics, "gateway_idempotency_replays_total", null, 1);
        assertAtLeast(metrics, "gateway_usage_rows_total", "format=\"csv_v2_0\"", 11);
        assertAtLeast(metrics, "gateway_usage_bytes_total", "format=\"csv_v2_0\"", 100);
        assertAtLeast(metrics, "gateway_upstream_circuit_state", "state=\"open\"", 0);
        assertFalse(UUID.matcher(metrics).find(), () -> "an id in the metrics: " + metrics.lines().filter(l -> UUID.matcher(l).find()).findFirst().orElse(""));
        assertFalse(metrics.contains(TOKEN), "the platform token in the metrics");
    }

    @Test
    void errorAnswersNeverTagTheirRawPath() {
        wireMock.stubFor(get(urlEqualTo("/api/2/tenants/" + SeedReport.TENANT + "/reports"))
                .willReturn(Upstream.json(200, "{\"items\":[]}")));
        for (int i = 0; i < 150; i++) {
            given().when().patch("/api/2/reports/junk" + i);
            given().when().request("BREW", "/api/2/reports/junk" + i);
            given().when().options("/api/2/reports/junk" + i);
            given().when().get("/junk" + i + "/nowhere");
            given().when().get("/api/2/junk" + i);
            given().header("Authorization", "Bearer wrong-key-" + i).when().get("/api/2/reports/junk" + i);
        }
        given().when().get("/api/2/tenants/" + SeedReport.TENANT + "/reports").then().statusCode(200);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertFalse(metrics.contains("junk"), () -> "a raw path in the metrics: "
                + metrics.lines().filter(line -> line.contains("junk")).findFirst().orElse(""));
        assertTrue(metrics.contains("uri=\"/api/2/tenants/{tenant_id}/reports\""), "a real route after the junk is still tagged");
    }

    /** The value of the first sample of {@code name} whose labels contain {@code labels} is at least {@code min}. */
    private static void assertAtLeast(String metrics, String name, String labels, double min) {
        Optional<Double> value = metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels == null || line.contains(labels))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
        assertTrue(value.isPresent(), () -> "no " + name + " {" + labels + "} in:\n" + metrics.lines()
                .filter(line -> line.startsWith("gateway_")).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(value.get() >= min, name + "{" + labels + "} = " + value.get() + ", expected at least " + min);
    }

    private void serveStoredCsv() throws IOException {
        String stored = Upstream.REPORTS_PATH + "/" + REPORT_ID + "/stored";
        wireMock.stubFor(get(urlEqualTo(stored)).willReturn(Upstream.json(200,
                "{\"items\":[{\"id\":\"" + StoredReportsTest.STORED_ID + "\",\"report_format\":\"csv_v2_0\",\"size\":1,"
                        + "\"created_at\":\"2026-11-26T07:36:58+00:00\",\"status\":\"saved\"}]}")));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("usage/report.csv_v2_0.csv")) {
            wireMock.stubFor(get(urlEqualTo(stored + "/" + StoredReportsTest.STORED_ID))
                    .willReturn(aResponse().withStatus(200).withBody(StoredReportsTest.gzip(in.readAllBytes()))));
        }
    }
}
