package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Who may call the gateway: no key 401, unknown key 401, reader key reads only, writer key does everything. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class AuthenticationTest extends UpstreamTest {

    @BeforeEach
    void stubReports() {
        TestKeys.clearDefault();
        Upstream.stubCreated(wireMock, REPORT_ID);
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        wireMock.stubFor(delete(urlPathMatching("/api/2/reports/.*")).willReturn(noContent()));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @CsvSource({
            "POST, /api/2/reports, none",
            "GET, /api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc, none",
            "DELETE, /api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc?version=1, none",
            "POST, /api/2/reports, wrong",
            "GET, /api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc, wrong",
            "DELETE, /api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc?version=1, wrong",
            "PUT, /api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc, none",
            "GET, /api/2/tenants/ede9f834-70b3-476c-83d9-736f9f8c7dae/reports, none",
            "GET, /api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc/stored, wrong",
            "GET, /api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc/stored/d6bc3e2e-2378-4099-bb33-6a2603aca94d, none",
            "GET, /billing/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc/stored/d6bc3e2e-2378-4099-bb33-6a2603aca94d/usage, wrong" })
    void withoutAValidKeyEveryRouteIs401(String method, String path, String key) {
        RequestSpecification request = given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT));
        if ("wrong".equals(key)) {
            request.header("Authorization", "Bearer " + TestKeys.ADMIN + "x");
        }
        request.when().request(method, path)
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"acronis-report-gateway\"")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:unauthenticated"))
                .body("status", is(401))
                .body("detail", equalTo("Send a gateway API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."));
        assertEquals(0, wireMock.getAllServeEvents().size(), "nothing may reach the platform");
    }

    @Test
    void readerKeyReadsButCannotChange() {
        given().header("X-API-Key", TestKeys.READER).contentType("application/json").body("{\"schedule\":{\"enabled\":false}}")
                .when().put("/api/2/reports/" + REPORT_ID).then().statusCode(403);
        given().header("X-API-Key", TestKeys.READER).when().get("/api/2/reports/" + REPORT_ID).then().statusCode(200);
        given().header("Authorization", "Bearer " + TestKeys.READER).contentType("application/json")
                .body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:forbidden"))
                .body("status", is(403));
        given().header("X-API-Key", TestKeys.READER).when().delete("/api/2/reports/" + REPORT_ID + "?version=1")
                .then().statusCode(403);
        assertEquals(1, wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/2/reports")).count(), "only the GET went upstream");
    }

    @Test
    void writerKeyInEitherHeaderDoesEverything() {
        given().header("Authorization", "Bearer " + TestKeys.WRITER).contentType("application/json")
                .body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(200);
        given().header("X-API-Key", TestKeys.WRITER).when().get("/api/2/reports/" + REPORT_ID).then().statusCode(200);
        given().header("X-API-Key", TestKeys.WRITER).when().delete("/api/2/reports/" + REPORT_ID + "?version=1")
                .then().statusCode(204);
    }

    @Test
    void gatewayKeyIsNeverForwardedUpstream() {
        given().header("Authorization", "Bearer " + TestKeys.WRITER).when().get("/api/2/reports/" + REPORT_ID)
                .then().statusCode(200);
        wireMock.getAllServeEvents().forEach(event -> {
            assertEquals(-1, event.getRequest().getHeaders().all().toString().indexOf(TestKeys.WRITER));
        });
    }

    @Test
    void operationalEndpointsStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
