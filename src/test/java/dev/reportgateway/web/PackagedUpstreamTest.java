package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.upstream.InjectWireMock;
import dev.reportgateway.upstream.KeyedTest;
import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Create and delete through a stand-in platform, and its faults, without touching the application's beans,
 * so that {@link PackagedUpstreamIT} runs the very same checks on the packaged application.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
public class PackagedUpstreamTest extends KeyedTest {

    private static final String TOKEN = "fake-access-token-packaged";
    private static final String REPORT_ID = "20dffb36-d77b-45c6-b2fa-39276e98d5fc";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void freshUpstream() {
        Upstream.reset(wireMock, TOKEN);
    }

    @Test
    void seedCreateReachesThePlatformExactly() {
        Upstream.stubCreated(wireMock, REPORT_ID);

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(200).body("id", equalTo(REPORT_ID)).body("version", is(1));

        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.matching("Bearer fake-access-token-.*"))
                .withRequestBody(equalToJson(SeedReport.body(SeedReport.TENANT), false, false)));
    }

    @Test
    void deleteRecoversFromTwo503s() {
        String path = "/api/2/reports/" + REPORT_ID + "?version=1";
        wireMock.stubFor(delete(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("again").willReturn(Upstream.json(503, Upstream.errorJson(503, "Service Unavailable"))));
        wireMock.stubFor(delete(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("again")
                .willSetStateTo("ok").willReturn(Upstream.json(503, Upstream.errorJson(503, "Service Unavailable"))));
        wireMock.stubFor(delete(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("ok").willReturn(noContent()));

        given().when().delete(path).then().statusCode(204);
        wireMock.verify(3, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void createAnswered500Is502AndNotRetried() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                .willReturn(Upstream.json(500, Upstream.errorJson(500, "Internal system error"))));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("upstream.status", is(500))
                .body("upstream.message", equalTo("Internal system error"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }
}
