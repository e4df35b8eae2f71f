package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code DELETE /api/2/reports/{id}?version=N}: the version reaches the platform; conflicts are 409 with code 1001;
 * a 404 to a retry after an attempt that may have deleted is the delete having happened (204).
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class DeleteReportTest extends UpstreamTest {

    @Test
    void deleteForwardsIdAndVersionAndAnswers204() {
        wireMock.stubFor(delete(urlEqualTo("/api/2/reports/" + REPORT_ID + "?version=3")).willReturn(noContent()));

        given().when().delete("/api/2/reports/" + REPORT_ID.toUpperCase() + "?version=3")
                .then().statusCode(204).body(equalTo(""));

        wireMock.verify(1, deleteRequestedFor(urlEqualTo("/api/2/reports/" + REPORT_ID + "?version=3"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN)));
    }

    @Test
    void versionMismatchIs409WithThePlatformCodeAttached() {
        wireMock.stubFor(delete(urlPathMatching("/api/2/reports/.*"))
                .willReturn(Upstream.json(409, Upstream.errorJson(1001, "Version mismatch"))));

        given().when().delete("/api/2/reports/" + REPORT_ID + "?version=1")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:version-mismatch"))
                .body("title", equalTo("Version mismatch"))
                .body("status", is(409))
                .body("detail", equalTo("The report's version has changed: fetch it again and retry with its current version."))
                .body("instance", equalTo("/api/2/reports/" + REPORT_ID))
                .body("upstream.status", is(409))
                .body("upstream.code", is(1001))
                .body("upstream.message", equalTo("Version mismatch"))
                .body("upstream.domain", equalTo("PlatformAccountServer"));
    }

    @Test
    void versionMismatchSentAs400WithAStringCodeIsStill409() {
        wireMock.stubFor(delete(urlPathMatching("/api/2/reports/.*"))
                .willReturn(Upstream.json(400, Upstream.errorJson("1001", "Version mismatch"))));

        given().when().delete("/api/2/reports/" + REPORT_ID + "?version=1")
                .then().statusCode(409)
                .body("upstream.status", is(400))
                .body("upstream.code", equalTo("1001"));
    }

    @Test
    void unknownReportIs404WithTheUpstreamError() {
        wireMock.stubFor(delete(urlPathMatching("/api/2/reports/.*"))
                .willReturn(Upstream.json(404, Upstream.errorJson(404, "Report not found"))));

        given().when().delete("/api/2/reports/" + REPORT_ID + "?version=1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Report not found"))
                .body("upstream.status", is(404))
                .body("errors", nullValue());
    }

    @Test
    void aRetriedDeleteWhoseFirstAttemptDeletedIs204() {
        String path = "/api/2/reports/" + REPORT_ID + "?version=3";
        wireMock.stubFor(delete(urlEqualTo(path)).inScenario("delete").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(504, Upstream.errorJson(504, "Gateway Timeout"))).willSetStateTo("deleted"));
        wireMock.stubFor(delete(urlEqualTo(path)).inScenario("delete").whenScenarioStateIs("deleted")
                .willReturn(Upstream.json(404, Upstream.errorJson(404, "Report not found"))));

        given().when().delete(path).then().statusCode(204).body(equalTo(""));

        wireMock.verify(2, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void a404AfterAnAttemptThePlatformTurnedAwayStays404() {
        String path = "/api/2/reports/" + REPORT_ID + "?version=3";
        wireMock.stubFor(delete(urlEqualTo(path)).inScenario("delete").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(503, Upstream.errorJson(503, "Service unavailable"))).willSetStateTo("busy"));
        wireMock.stubFor(delete(urlEqualTo(path)).inScenario("delete").whenScenarioStateIs("busy")
                .willReturn(Upstream.json(404, Upstream.errorJson(404, "Report not found"))));

        given().when().delete(path).then().statusCode(404).body("upstream.status", is(404));

        wireMock.verify(2, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void missingOrBadVersionAndIdAreRefusedBeforeTheUpstream() {
        given().when().delete("/api/2/reports/" + REPORT_ID)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("version"))
                .body("errors[0].message", equalTo("is required: the report's current version, as returned by create or fetch"));
        given().when().delete("/api/2/reports/not-a-uuid?version=-2")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("report_id", "version"))
                .body("errors[1].message", equalTo("must be a positive integer"));
        given().when().delete("/api/2/reports/" + REPORT_ID + "?version=0")
                .then().statusCode(400);
        assertEquals(0, wireMock.getAllServeEvents().size(), "nothing may reach the platform");
    }
}
