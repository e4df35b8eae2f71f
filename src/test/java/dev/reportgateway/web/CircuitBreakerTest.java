package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A failing platform opens the circuit: callers get 503 with Retry-After at once, and the platform is spared.
 * And past the concurrency limit (one call here) a caller gets 503 at once instead of piling onto the platform.
 * Nothing here depends on how fast the machine is: waits are polls for a condition, with generous windows.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
@TestProfile(CircuitBreakerTest.SmallWindow.class)
class CircuitBreakerTest extends UpstreamTest {

    private static final String REPORT_PATH = "/api/2/reports/" + REPORT_ID;
    private static final String STORED_ID = "d6bc3e2e-2378-4099-bb33-6a2603aca94d";

    /**
     * A window of four calls, no retries, five seconds open (long enough for the checks while open even on a loaded
     * machine), one upstream call at a time.
     */
    public static class SmallWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstream.max-retries", "0",
                    "gateway.upstream.circuit-breaker.request-volume-threshold", "4",
                    "gateway.upstream.circuit-breaker.failure-ratio", "0.5",
                    "gateway.upstream.circuit-breaker.delay", "5s",
                    "gateway.upstream.circuit-breaker.success-threshold", "1",
                    "gateway.upstream.max-concurrent-calls", "1");
        }
    }

    @Test
    void opensAfterFailuresAndClosesAfterASuccessfulTrial() throws InterruptedException {
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(500, Upstream.errorJson(500, "down"))));
        for (int i = 0; i < 4; i++) {
            given().when().get(REPORT_PATH).then().statusCode(502);
        }

        given().when().get(REPORT_PATH)
                .then().statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:circuit-open"));
        wireMock.verify(4, getRequestedFor(urlEqualTo(REPORT_PATH)));
        assertCircuitGauge("open");

        wireMock.stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        awaitTrialCall(); // refused with 503 (and not sent) until the delay has passed; then the trial succeeds
        given().when().get(REPORT_PATH).then().statusCode(200);
        wireMock.verify(6, getRequestedFor(urlEqualTo(REPORT_PATH)));
        assertCircuitGauge("closed");
    }

    /** Polls until a call passes the circuit again (fails after 30 s); calls refused meanwhile never reach the platform. */
    private static void awaitTrialCall() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status;
        while ((status = given().when().get(REPORT_PATH).statusCode()) == 503) {
            assertTrue(System.nanoTime() < deadline, "the circuit never let a trial call through");
            Thread.sleep(100);
        }
        assertEquals(200, status, "the trial call");
    }

    private static void assertCircuitGauge(String state) {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_upstream_circuit_state{state=\"" + state + "\"} 1.0"));
    }

    @Test
    void callersMistakesDoNotOpenIt() {
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(404, Upstream.errorJson(404, "Not Found"))));
        for (int i = 0; i < 6; i++) {
            given().when().get(REPORT_PATH).then().statusCode(404);
        }
        wireMock.verify(6, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }

    @Test
    void callsBeyondTheConcurrencyLimitAre503() throws Exception {
        // A download may take minutes (its own timeout), so this one holds the only upstream slot for three seconds.
        String download = REPORT_PATH + "/stored/" + STORED_ID;
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH + "/stored")).willReturn(Upstream.json(200, "{\"items\":[{\"id\":\"" + STORED_ID
                + "\",\"report_format\":\"csv_v2_0\",\"created_at\":\"2017-01-01T12:07:53\",\"size\":3,\"status\":\"saved\"}]}")));
        wireMock.stubFor(get(urlEqualTo(download)).willReturn(aResponse().withStatus(200).withBody("a,b").withFixedDelay(3000)));
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(
                () -> given().header("X-API-Key", TestKeys.ADMIN).when().get(download).statusCode());
        Upstream.awaitRequest(wireMock, getRequestedFor(urlEqualTo(download)));

        given().when().get(REPORT_PATH)
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:report-gateway:problem:overloaded"));
        assertEquals(200, slow.get());
        wireMock.verify(0, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }
}
