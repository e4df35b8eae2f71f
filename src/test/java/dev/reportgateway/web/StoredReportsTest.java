package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The rest of the report lifecycle: update, tenant listing, stored reports, and downloads in every encoding. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class StoredReportsTest extends UpstreamTest {

    static final String STORED_ID = "d6bc3e2e-2378-4099-bb33-6a2603aca94d";
    static final String CSV = "tenant.id,name,usage.absolute.total\n3f2504e0-4f89-41d3-9a0c-0305e82c3301,pw_base_storage,1073741824\n";

    @Test
    void updateForwardsANormalisedReportPut() {
        wireMock.stubFor(put(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 2, SeedReport.TENANT))));

        given().contentType("application/json")
                .body("{\"parameters\":{\"kind\":\"usage_current\",\"show_skus\":\"true\"},\"schedule\":{\"enabled\":false}}")
                .when().put("/api/2/reports/" + REPORT_ID.toUpperCase())
                .then().statusCode(200).body("version", is(2));

        wireMock.verify(1, putRequestedFor(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"parameters\":{\"kind\":\"usage_current\",\"show_skus\":true},"
                        + "\"schedule\":{\"enabled\":false}}", false, false)));
    }

    @Test
    void updateWithAFieldThePlatformWouldNotChangeIsRefusedBeforeTheUpstream() {
        given().contentType("application/json")
                .body("{\"parameters\":{\"tenant_id\":\"" + SeedReport.TENANT + "\",\"level\":\"galaxy\"},\"schedule\":{}}")
                .when().put("/api/2/reports/not-a-uuid")
                .then().statusCode(400)
                .body("errors.field", contains("report_id", "parameters.tenant_id", "parameters.level", "schedule.enabled"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void tenantReportsAndStoredListsArePassedOn() {
        wireMock.stubFor(get(urlEqualTo("/api/2/tenants/" + SeedReport.TENANT + "/reports"))
                .willReturn(Upstream.json(200, "{\"items\":[\"" + REPORT_ID + "\"]}")));
        stubStored("saved", "csv_v2_0");

        given().when().get("/api/2/tenants/" + SeedReport.TENANT + "/reports")
                .then().statusCode(200).body("items", contains(REPORT_ID));
        given().when().get("/api/2/reports/" + REPORT_ID + "/stored")
                .then().statusCode(200)
                .body("items[0].id", equalTo(STORED_ID))
                .body("items[0].report_format", equalTo("csv_v2_0"))
                .body("items[0].status", equalTo("saved"))
                .body("items[0].created_at", equalTo("2026-11-26T07:36:58+00:00"));
    }

    /**
     * The three proxied reads answer with the platform's bytes: a field the gateway has no model for, a null and the
     * platform's own spacing all reach the caller, byte for byte, as JSON.
     */
    @Test
    void readsAnswerWithThePlatformsBytesUnchanged() {
        String report = "{\"id\": \"" + REPORT_ID + "\", \"version\": 3, \"tenant_kind\": \"partner\","
                + " \"generation_date\": null, \"parameters\": {\"tenant_id\": \"" + SeedReport.TENANT + "\","
                + " \"future_flag\": [1, 2.50]}}";
        String ids = "{\"items\": [\"" + REPORT_ID + "\"], \"paging\": {\"cursors\": {}}}";
        String stored = "{\"items\": [], \"total\": 0}";
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(Upstream.json(200, report)));
        wireMock.stubFor(get(urlEqualTo("/api/2/tenants/" + SeedReport.TENANT + "/reports")).willReturn(Upstream.json(200, ids)));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200, stored)));

        for (String[] read : new String[][] { { "/api/2/reports/" + REPORT_ID, report },
                { "/api/2/tenants/" + SeedReport.TENANT + "/reports", ids }, { "/api/2/reports/" + REPORT_ID + "/stored", stored } }) {
            String answer = given().when().get(read[0])
                    .then().statusCode(200).contentType("application/json").extract().asString();
            assertEquals(read[1], answer, read[0]);
        }
    }

    /**
     * What is not one JSON object is neither passed on nor decoded: the caller gets the 502 problem of an unreadable
     * answer, from the two reads handed on and from the download, which decodes the stored list to check it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "", "null", "[]", "\"text\"", "{\"items\": []} trailing", "{\"items\": [}", "{} {}" })
    void anAnswerThatIsNotOneJsonObjectIs502(String body) {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200, body)));
        wireMock.stubFor(get(urlEqualTo("/api/2/tenants/" + SeedReport.TENANT + "/reports")).willReturn(Upstream.json(200, body)));

        for (String path : new String[] { "/api/2/reports/" + REPORT_ID + "/stored", "/api/2/tenants/" + SeedReport.TENANT + "/reports",
                "/api/2/reports/" + REPORT_ID + "/stored/" + STORED_ID }) {
            given().when().get(path)
                    .then().statusCode(502)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:report-gateway:problem:upstream-unavailable"))
                    .body("detail", equalTo("The Acronis platform's answer could not be read."));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "gzip bytes, no Content-Encoding", "Content-Encoding: gzip", "plain bytes", "gzip file sent gzip-encoded" })
    void downloadIsDecompressedWhateverTheEncoding(String encoding) throws IOException {
        stubStored("saved", "csv_v2_0");
        byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
        ResponseDefinitionBuilder answer = aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream");
        answer = switch (encoding) {
            case "gzip bytes, no Content-Encoding" -> answer.withBody(gzip(csv));
            case "Content-Encoding: gzip" -> answer.withHeader("Content-Encoding", "gzip").withBody(gzip(csv));
            case "plain bytes" -> answer.withBody(csv);
            default -> answer.withHeader("Content-Encoding", "gzip").withBody(gzip(gzip(csv)));
        };
        wireMock.stubFor(get(urlEqualTo(downloadPath())).willReturn(answer));

        String body = given().when().get(downloadPath())
                .then().statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + REPORT_ID + "-" + STORED_ID + ".csv_v2_0.csv\"")
                .extract().asString();

        assertEquals(CSV, body);
        wireMock.verify(1, getRequestedFor(urlEqualTo(downloadPath())).withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN)));
    }

    @Test
    void storedReportStillInProgressIs409WithRetryAfterAndIsNotDownloaded() {
        stubStored("in_progress", "csv_v2_0");

        given().when().get(downloadPath())
                .then().statusCode(409)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:stored-report-in-progress"));
        wireMock.verify(0, getRequestedFor(urlEqualTo(downloadPath())));
    }

    @Test
    void failedAndUnknownStoredReports() {
        stubStored("failed", "json_v2_0");
        given().when().get(downloadPath())
                .then().statusCode(502)
                .body("type", equalTo("urn:report-gateway:problem:stored-report-failed"))
                .body("upstream.code", equalTo("failed"));
        given().when().get("/api/2/reports/" + REPORT_ID + "/stored/" + REPORT_ID)
                .then().statusCode(404)
                .body("type", equalTo("urn:report-gateway:problem:stored-report-not-found"));
        wireMock.verify(0, getRequestedFor(urlEqualTo(downloadPath())));
    }

    static String downloadPath() {
        return "/api/2/reports/" + REPORT_ID + "/stored/" + STORED_ID;
    }

    void stubStored(String status, String format) {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200,
                "{\"items\":[{\"id\":\"" + STORED_ID + "\",\"report_format\":\"" + format + "\",\"size\":4945,"
                        + "\"created_at\":\"2026-11-26T07:36:58+00:00\",\"status\":\"" + status + "\"}]}")));
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }
}
