package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code POST /api/2/reports}: what reaches the platform, byte for byte, and what the caller gets back. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class CreateReportTest extends UpstreamTest {

    @BeforeEach
    void stubReports() {
        Upstream.stubCreated(wireMock, REPORT_ID);
    }

    @Test
    void seedBodyIsForwardedExactlyWithThePlatformToken() {
        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(REPORT_ID))
                .body("version", is(1))
                .body("parameters.show_skus", is(true))
                .body("parameters.hide_zero_usage", is(true))
                .body("schedule.type", equalTo("once"))
                .body("generation_date", equalTo("2017-05-08"));

        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(equalToJson(SeedReport.body(SeedReport.TENANT), false, false)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(Upstream.TOKEN_PATH))
                .withHeader("Authorization", WireMock.equalTo(Upstream.BASIC_AUTH))
                .withHeader("Content-Type", WireMock.containing("application/x-www-form-urlencoded"))
                .withRequestBody(WireMock.equalTo("grant_type=client_credentials")));
    }

    @Test
    void stringBooleansUpperCaseIdsAndSaveWithoutRecipientsAreNormalised() {
        String body = """
                {"result_action":"save",
                 "parameters":{"kind":"usage_current","tenant_id":"EDE9F834-70B3-476C-83D9-736F9F8C7DAE","level":"accounts",
                   "formats":["csv_v2_0","json_v2_0"],"hide_zero_usage":"true","show_skus":"False"},
                 "schedule":{"type":"once","enabled":"true"}}
                """;
        given().contentType("application/json").body(body)
                .when().post("/api/2/reports")
                .then().statusCode(200);

        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)).withRequestBody(equalToJson("""
                {"recipients":[],"result_action":"save",
                 "parameters":{"kind":"usage_current","tenant_id":"ede9f834-70b3-476c-83d9-736f9f8c7dae","level":"accounts",
                   "formats":["csv_v2_0","json_v2_0"],"hide_zero_usage":true,"show_skus":false},
                 "schedule":{"type":"once","enabled":true}}
                """, false, false)));
    }

    @Test
    void upstreamAnswerIsPassedOnWithoutInventingFields() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(200,
                "{\"id\":\"" + REPORT_ID + "\",\"version\":7,\"parameters\":{\"formats\":[\"json_v2_0\"],\"kind\":\"usage_summary\"}}")));

        String answer = given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(200)
                .body("parameters.formats", contains("json_v2_0"))
                .extract().asString();
        assertEquals("{\"id\":\"" + REPORT_ID + "\",\"version\":7,\"parameters\":{\"kind\":\"usage_summary\",\"formats\":[\"json_v2_0\"]}}",
                answer);
    }

    @Test
    void seedExampleWithoutContentTypeIsRefusedLikeThePlatformDoes() {
        given().body(SeedReport.body(SeedReport.TENANT)).contentType("text/plain")
                .when().post("/api/2/reports")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", is(415))
                .body("detail", equalTo("Send the body as JSON with the header Content-Type: application/json."));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }
}
