package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The platform token: one request for many callers, renewed before expiry, renewed once after a 401. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class PlatformTokenTest extends UpstreamTest {

    @BeforeEach
    void stubReports() {
        Upstream.stubCreated(wireMock, REPORT_ID);
    }

    @Test
    void fiftyConcurrentCreatesShareOneTokenRequest() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(Upstream.TOKEN_PATH)).willReturn(Upstream.json(200,
                Upstream.tokenJson("fake-access-token-shared", Instant.now().plusSeconds(7200).getEpochSecond()))
                .withFixedDelay(400)));
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                creates.add(() -> given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                        .when().post("/api/2/reports").then().extract().statusCode());
            }
            for (Future<Integer> status : callers.invokeAll(creates)) {
                assertEquals(200, status.get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, Upstream.tokenRequests(wireMock), "token requests");
        wireMock.verify(50, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer fake-access-token-shared")));
    }

    @Test
    void tokenIsRenewedAheadOfExpiresOn() {
        stubTokenSequence(Upstream.tokenJson("fake-short-token-1", Instant.now().plusSeconds(3600).getEpochSecond()),
                Upstream.tokenJson("fake-short-token-2", Instant.now().plusSeconds(7200).getEpochSecond()));

        create();
        create();
        assertEquals(1, Upstream.tokenRequests(wireMock), "a valid token is reused");
        clock.advance(Duration.ofMinutes(50)); // past the renewal 15 minutes ahead of the one-hour expiry
        create();

        assertEquals(2, Upstream.tokenRequests(wireMock));
        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer fake-short-token-1")));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer fake-short-token-2")));
    }

    @Test
    void expiresInIsUsedWhenExpiresOnIsMissing() {
        stubTokenSequence("{\"access_token\":\"fake-relative-token-1\",\"token_type\":\"bearer\",\"expires_in\":3600,\"id_token\":\"x\"}",
                "{\"access_token\":\"fake-relative-token-2\",\"token_type\":\"bearer\",\"expires_in\":7200,\"id_token\":\"x\"}");

        create();
        clock.advance(Duration.ofMinutes(50)); // past the renewal 15 minutes ahead of the one-hour expiry
        create();

        assertEquals(2, Upstream.tokenRequests(wireMock));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer fake-relative-token-2")));
    }

    @Test
    void a401DropsTheCachedTokenAndRetriesOnce() {
        stubTokenSequence(Upstream.tokenJson("fake-revoked-token", Instant.now().plusSeconds(7200).getEpochSecond()),
                Upstream.tokenJson("fake-renewed-token", Instant.now().plusSeconds(7200).getEpochSecond()));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer fake-revoked-token"))
                .willReturn(Upstream.json(401, Upstream.errorJson(401, "Token is expired"))));

        create();

        assertEquals(2, Upstream.tokenRequests(wireMock));
        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer fake-renewed-token")));
    }

    @Test
    void a401AfterRenewalIs502AndNotRetriedForever() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                .willReturn(Upstream.json(401, Upstream.errorJson(401, "Unauthorized"))));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:upstream-credentials-rejected"))
                .body("detail", equalTo("The Acronis platform rejected the gateway's own credentials (HTTP 401): "
                        + "check the API client's id, secret, data center and roles."))
                .body("upstream.status", equalTo(401));
        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void refusedTokenRequestIs502() {
        wireMock.stubFor(post(urlPathEqualTo(Upstream.TOKEN_PATH)).willReturn(
                Upstream.json(401, "{\"error\":\"access_denied\",\"error_description\":\"bad client credentials\"}")));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(502)
                .body("type", equalTo("urn:report-gateway:problem:upstream-credentials-rejected"))
                .body("upstream.code", equalTo("access_denied"))
                .body("upstream.message", equalTo("bad client credentials"));
        wireMock.verify(0, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void brokenTokenEndpointIs502Unavailable() {
        wireMock.stubFor(post(urlPathEqualTo(Upstream.TOKEN_PATH))
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(502)
                .body("type", equalTo("urn:report-gateway:problem:upstream-unavailable"));
        wireMock.verify(0, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    private void create() {
        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(200);
    }

    private void stubTokenSequence(String first, String second) {
        wireMock.stubFor(post(urlPathEqualTo(Upstream.TOKEN_PATH)).inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(Upstream.json(200, first)).willSetStateTo("renewed"));
        wireMock.stubFor(post(urlPathEqualTo(Upstream.TOKEN_PATH)).inScenario("tokens")
                .whenScenarioStateIs("renewed").willReturn(Upstream.json(200, second)));
    }
}
