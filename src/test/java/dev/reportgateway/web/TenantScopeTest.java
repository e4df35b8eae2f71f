package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code gateway.api-keys.<name>.tenants}: the scoped test keys see tenant A (the seed's tenant) only. Tenant B's
 * reports, stored reports, downloads, usage and report list answer 404, exactly as a report the platform does not
 * know, and nothing of B's goes further upstream than the report lookup; creates for B (given, or B as the
 * default tenant) are refused before the platform sees them.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class TenantScopeTest extends UpstreamTest {

    private static final String TENANT_A = SeedReport.TENANT;
    /** The API client's own tenant: the default of a create without {@code parameters.tenant_id}. */
    private static final String TENANT_B = Upstream.CLIENT_TENANT;
    private static final String REPORT_A = REPORT_ID;
    private static final String REPORT_B = "b0b0b0b0-0000-4000-8000-00000000000b";
    private static final String STORED_ID = StoredReportsTest.STORED_ID;
    private static final String REPORT_NOT_FOUND = "urn:report-gateway:problem:report-not-found";
    private static final String TENANT_NOT_FOUND = "urn:report-gateway:problem:tenant-not-found";

    @BeforeEach
    void twoTenantsWithOneReportEach() throws IOException {
        Upstream.stubCreated(wireMock, REPORT_A); // first: the tenant lists below replace its empty one
        stubReport(REPORT_A, TENANT_A);
        stubReport(REPORT_B, TENANT_B);
    }

    @Test
    void scopedReaderGets404ForTenantBsReportsAndUsage() {
        TestKeys.useByDefault(TestKeys.SCOPED_READER);

        assertNotFound(given().when().get("/api/2/reports/" + REPORT_B), REPORT_NOT_FOUND);
        assertNotFound(given().when().get("/api/2/reports/" + REPORT_B + "/stored"), REPORT_NOT_FOUND);
        assertNotFound(given().when().get("/api/2/reports/" + REPORT_B + "/stored/" + STORED_ID), REPORT_NOT_FOUND);
        assertNotFound(given().when().get(usage(REPORT_B)), REPORT_NOT_FOUND);
        assertNotFound(given().queryParam("tenant_id", TENANT_A).when().get(usage(REPORT_B)), REPORT_NOT_FOUND);
        assertNotFound(given().when().get("/api/2/tenants/" + TENANT_B + "/reports"), TENANT_NOT_FOUND);
        given().when().head("/api/2/reports/" + REPORT_B + "/stored/" + STORED_ID).then().statusCode(404);
        given().when().head(usage(REPORT_B)).then().statusCode(404);

        assertEquals(0, wireMock.countRequestsMatching(getRequestedFor(urlPathMatching("/api/2/reports/" + REPORT_B + "/.+"))
                .build()).getCount(), "nothing of B's but the report lookup may be asked of the platform");
        assertEquals(0, wireMock.countRequestsMatching(anyRequestedFor(urlPathMatching("/api/2/tenants/.*")).build()).getCount());
    }

    @Test
    void scopedReaderReadsTenantA() {
        TestKeys.useByDefault(TestKeys.SCOPED_READER);

        given().when().get("/api/2/reports/" + REPORT_A.toUpperCase())
                .then().statusCode(200).body("id", equalTo(REPORT_A)).body("parameters.tenant_id", equalTo(TENANT_A));
        assertEquals(1, wireMock.countRequestsMatching(getRequestedFor(urlEqualTo("/api/2/reports/" + REPORT_A)).build()).getCount(),
                "a fetch looks the report up once");
        given().when().get("/api/2/reports/" + REPORT_A + "/stored")
                .then().statusCode(200).body("items[0].id", equalTo(STORED_ID));
        given().when().get("/api/2/reports/" + REPORT_A + "/stored/" + STORED_ID)
                .then().statusCode(200).contentType("text/csv");
        given().when().get(usage(REPORT_A))
                .then().statusCode(200).contentType("application/json").body("rows", hasSize(11));
        given().when().get("/api/2/tenants/" + TENANT_A.toUpperCase() + "/reports")
                .then().statusCode(200).body("items", contains(REPORT_A));
    }

    @Test
    void scopedWriterCannotCreateUpdateOrDeleteForTenantB() {
        TestKeys.useByDefault(TestKeys.SCOPED_WRITER);

        assertNotFound(given().contentType("application/json").body(SeedReport.body(TENANT_B.toUpperCase()))
                .when().post("/api/2/reports"), TENANT_NOT_FOUND);
        assertNotFound(given().contentType("application/json").body(SeedReport.body(TENANT_A).replace(
                "\"tenant_id\": \"" + TENANT_A + "\",", "")).when().post("/api/2/reports"), TENANT_NOT_FOUND);
        assertNotFound(given().contentType("application/json").body("{\"schedule\":{\"enabled\":false}}")
                .when().put("/api/2/reports/" + REPORT_B), REPORT_NOT_FOUND);
        assertNotFound(given().queryParam("version", 1).when().delete("/api/2/reports/" + REPORT_B), REPORT_NOT_FOUND);
        assertEquals(0, wireMock.countRequestsMatching(postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)).build()).getCount());
        assertEquals(0, wireMock.countRequestsMatching(putRequestedFor(urlPathMatching("/api/2/reports/.*")).build()).getCount());
        assertEquals(0, wireMock.countRequestsMatching(deleteRequestedFor(urlPathMatching("/api/2/reports/.*")).build()).getCount());

        given().contentType("application/json").body(SeedReport.body(TENANT_A.toUpperCase()))
                .when().post("/api/2/reports").then().statusCode(200).body("id", equalTo(REPORT_A));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withRequestBody(equalToJson("{\"parameters\":{\"tenant_id\":\"" + TENANT_A + "\"}}", true, true)));
        given().queryParam("version", 1).when().delete("/api/2/reports/" + REPORT_A).then().statusCode(204);
        wireMock.verify(1, deleteRequestedFor(urlEqualTo("/api/2/reports/" + REPORT_A + "?version=1")));
    }

    @Test
    void anOutOfScopeReportAndAnUnknownOneGetTheSameAnswer() {
        TestKeys.useByDefault(TestKeys.SCOPED_READER);
        String outOfScope = given().when().get("/api/2/reports/" + REPORT_B + "/stored").then().extract().asString();

        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_B)).willReturn(Upstream.json(404,
                Upstream.errorJson(404, "Report not found"))));
        Response unknown = given().when().get("/api/2/reports/" + REPORT_B + "/stored");

        assertNotFound(unknown, REPORT_NOT_FOUND);
        assertEquals(outOfScope, unknown.asString());
        assertEquals("{\"type\":\"" + REPORT_NOT_FOUND + "\",\"title\":\"Report not found\",\"status\":404,"
                + "\"detail\":\"No such report for this API key.\",\"instance\":\"/api/2/reports/" + REPORT_B + "/stored\"}",
                outOfScope);
    }

    @Test
    void aKeyWithoutTenantsSeesEveryTenantWithoutAnExtraLookup() {
        given().when().get("/api/2/reports/" + REPORT_B + "/stored").then().statusCode(200);
        given().when().get("/api/2/tenants/" + TENANT_B + "/reports").then().statusCode(200).body("items", contains(REPORT_B));

        assertEquals(0, wireMock.countRequestsMatching(getRequestedFor(urlEqualTo("/api/2/reports/" + REPORT_B)).build()).getCount());
    }

    private static void assertNotFound(Response answer, String type) {
        answer.then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(type))
                .body("status", equalTo(404))
                .body("upstream", nullValue());
    }

    private static String usage(String reportId) {
        return "/billing/reports/" + reportId + "/stored/" + STORED_ID + "/usage";
    }

    /** The report, its one saved csv_v2_0 stored report and its file, its delete, and its tenant's report list. */
    private void stubReport(String reportId, String tenant) throws IOException {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId))
                .willReturn(Upstream.json(200, Upstream.reportJson(reportId, 1, tenant))));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId + "/stored")).willReturn(Upstream.json(200,
                "{\"items\":[{\"id\":\"" + STORED_ID + "\",\"report_format\":\"csv_v2_0\",\"size\":1,"
                        + "\"created_at\":\"2026-11-26T07:36:58+00:00\",\"status\":\"saved\"}]}")));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("usage/report.csv_v2_0.csv")) {
            wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId + "/stored/" + STORED_ID))
                    .willReturn(aResponse().withStatus(200).withBody(StoredReportsTest.gzip(in.readAllBytes()))));
        }
        wireMock.stubFor(delete(urlEqualTo("/api/2/reports/" + reportId + "?version=1")).willReturn(noContent()));
        wireMock.stubFor(get(urlEqualTo("/api/2/tenants/" + tenant + "/reports"))
                .willReturn(Upstream.json(200, "{\"items\":[\"" + reportId + "\"]}")));
    }
}
