package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
@TestProfile(CircuitBreakerTest.SmallWindow.class)
class CircuitBreakerTest extends UpstreamTest {

    private static final String REPORT_PATH = "/api/2/reports/" + REPORT_ID;

    /** A window of four calls, no retries, one second open, one upstream call at a time. */
    public static class SmallWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstream.max-retries", "0",
                    "gateway.upstream.circuit-breaker.request-volume-threshold", "4",
                    "gateway.upstream.circuit-breaker.failure-ratio", "0.5",
                    "gateway.upstream.circuit-breaker.delay", "1s",
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
                .header("Retry-After", "1")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:circuit-open"));
        wireMock.verify(4, getRequestedFor(urlEqualTo(REPORT_PATH)));
        assertCircuitGauge("open");

        Thread.sleep(1100);
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        given().when().get(REPORT_PATH).then().statusCode(200);
        given().when().get(REPORT_PATH).then().statusCode(200);
        wireMock.verify(6, getRequestedFor(urlEqualTo(REPORT_PATH)));
        assertCircuitGauge("closed");
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
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT)).withFixedDelay(700)));
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(
                () -> given().header("X-API-Key", TestKeys.ADMIN).when().get(REPORT_PATH).statusCode());
        awaitUpstreamRequest();

        given().when().get(REPORT_PATH)
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:report-gateway:problem:overloaded"));
        assertEquals(200, slow.get());
        wireMock.verify(1, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }

    /** Waits until the platform has the slow request, so it surely holds the only upstream slot. */
    private void awaitUpstreamRequest() throws InterruptedException {
        for (int i = 0; i < 100 && wireMock.countRequestsMatching(getRequestedFor(urlEqualTo(REPORT_PATH)).build()).getCount() == 0; i++) {
            Thread.sleep(20);
        }
    }
}
