package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What a caller gets when the platform fails: the DESIGN §2 mapping, as problem+json, never a bare 500. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class UpstreamFailureTest extends UpstreamTest {

    @Test
    void platformFailureOnCreateIs502WithTheUpstreamErrorAndIsNotRetried() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(500,
                Upstream.errorJson(500, "Usage history is not ready but should be available already"))));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:upstream-failed"))
                .body("detail", equalTo("Usage history is not ready but should be available already"))
                .body("upstream.status", is(500))
                .body("upstream.code", is(500));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void platformValidationErrorKeepsItsStatus() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(400,
                Upstream.errorJson(400, "Usage history is not ready and shouldn't be ready yet"))));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(400)
                .body("type", equalTo("urn:report-gateway:problem:upstream-refused"))
                .body("upstream.message", equalTo("Usage history is not ready and shouldn't be ready yet"));
    }

    @Test
    void forbiddenIs502AboutTheGatewaysCredentials() {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(Upstream.json(403,
                Upstream.errorJson(1002, "Access denied"))));

        given().when().get("/api/2/reports/" + REPORT_ID)
                .then().statusCode(502)
                .body("type", equalTo("urn:report-gateway:problem:upstream-credentials-rejected"))
                .body("upstream.status", is(403))
                .body("upstream.code", is(1002));
    }

    @Test
    void slowPlatformIs504() {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(
                Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT)).withFixedDelay(2500)));

        given().when().get("/api/2/reports/" + REPORT_ID)
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:upstream-timeout"))
                .body("detail", equalTo("The Acronis platform did not answer in time."))
                .body("upstream", nullValue());
    }

    @Test
    void resetConnectionIs502() {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().when().get("/api/2/reports/" + REPORT_ID)
                .then().statusCode(502)
                .body("type", equalTo("urn:report-gateway:problem:upstream-unavailable"));
    }

    @Test
    void malformedJsonAnswerIs502() {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(Upstream.json(200, "{\"id\": \"" + REPORT_ID + "\", \"version\": ")));

        given().when().get("/api/2/reports/" + REPORT_ID)
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:upstream-unavailable"))
                .body("detail", equalTo("The Acronis platform's answer could not be read."));
    }

    @Test
    void nonJsonErrorBodyStillYieldsAProblem() {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<html>Service Unavailable</html>")));

        given().when().get("/api/2/reports/" + REPORT_ID)
                .then().statusCode(502)
                .body("upstream.status", is(503))
                .body("upstream.message", equalTo("<html>Service Unavailable</html>"));
    }

    /**
     * A platform error text of any size makes a small answer: message, domain and code are cut to 500 characters
     * (plus an ellipsis), and of a body over 64 KiB only the start is read. Sizes: 5 MB message (more than is
     * read), 50 000 characters in message, domain and code (read whole, then cut).
     */
    @ParameterizedTest
    @ValueSource(ints = { 5_000_000, 50_000 })
    void hugeErrorTextsAreCutOnEveryPath(int length) {
        String huge = "x".repeat(length);
        String body = "{\"error\":{\"code\":\"" + (length > 100_000 ? "500" : huge) + "\",\"message\":\"" + huge
                + "\",\"domain\":\"" + (length > 100_000 ? "PlatformAccountServer" : huge) + "\",\"details\":{}}}";
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(500, body)));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(Upstream.json(404, body)));

        for (Response answer : List.of(
                given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT)).when().post("/api/2/reports"),
                given().when().get("/api/2/reports/" + REPORT_ID))) {
            answer.then().contentType("application/problem+json")
                    .body("detail.length()", lessThanOrEqualTo(501))
                    .body("upstream.message.length()", lessThanOrEqualTo(501));
            assertTrue(answer.asByteArray().length < 4096, "answer of " + answer.asByteArray().length + " bytes");
        }
    }
}
