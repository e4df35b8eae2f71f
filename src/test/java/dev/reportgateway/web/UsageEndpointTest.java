package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /billing/reports/{id}/stored/{stored_id}/usage}: the numbers an invoice is made from. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class UsageEndpointTest extends UpstreamTest {

    private static final String STORED_ID = StoredReportsTest.STORED_ID;
    private static final String USAGE = "/billing/reports/" + REPORT_ID + "/stored/" + STORED_ID + "/usage";
    private static final String BETA = "0f000000-0000-4000-8000-00000000000b";

    @Test
    void rowsAndTotalsInBillingUnits() throws IOException {
        serve("csv_v2_0", "usage/report.csv_v2_0.csv");

        given().when().get(USAGE)
                .then().statusCode(200)
                .contentType("application/json")
                .body("report_id", equalTo(REPORT_ID))
                .body("stored_report_id", equalTo(STORED_ID))
                .body("format", equalTo("csv_v2_0"))
                .body("rows", hasSize(11))
                .body("rows.find { it.tenant_name == 'Beta GmbH' && it.offering_item == 'compute_points' }.converted.effective.total",
                        equalTo(0.01f))
                .body("rows.find { it.tenant_name == 'Beta GmbH' && it.offering_item == 'compute_points' }.converted.unit",
                        equalTo("points"))
                .body("rows.find { it.tenant_name == 'Beta GmbH' && it.offering_item == 'pw_base_storage' }.converted.absolute.total",
                        equalTo(1.00f))
                .body("rows.find { it.tenant_name == 'Beta GmbH' && it.offering_item == 'pw_base_storage' }.converted.unit",
                        equalTo("GiB"))
                .body("totals.items.find { it.offering_item == 'pw_base_storage' }.unit", equalTo("GiB"));
    }

    @Test
    void csvOnRequestAndOneTenantOnly() throws IOException {
        serve("csv_v2_0", "usage/report.csv_v2_0.csv");

        String csv = given().accept("text/csv").queryParam("tenant_id", BETA).when().get(USAGE)
                .then().statusCode(200).contentType("text/csv").extract().asString();

        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("tenant_id,tenant_name,tenant_kind,offering_item"), csv);
        org.junit.jupiter.api.Assertions.assertEquals(5, csv.strip().split("\r?\n").length, csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.lines().skip(1).allMatch(line -> line.startsWith(BETA)), csv);
    }

    @Test
    void malformedNumberIsAClearErrorNamingTheLine() throws IOException {
        serve("csv_v2_0", "usage/malformed-number.csv_v2_0.csv");

        given().when().get(USAGE)
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:stored-report-malformed"))
                .body("detail", startsWith("The platform's stored report could not be read: csv_v2_0 line 4"));
    }

    @Test
    void humanReadableFormatsHaveNoUsageRows() throws IOException {
        serve("html", "usage/report.csv_v2_0.csv");

        given().when().get(USAGE)
                .then().statusCode(422)
                .body("type", equalTo("urn:report-gateway:problem:usage-format-unsupported"));
    }

    private void serve(String format, String resource) throws IOException {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200,
                "{\"items\":[{\"id\":\"" + STORED_ID + "\",\"report_format\":\"" + format + "\",\"size\":1,"
                        + "\"created_at\":\"2026-11-26T07:36:58+00:00\",\"status\":\"saved\"}]}")));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored/" + STORED_ID))
                    .willReturn(aResponse().withStatus(200).withBody(StoredReportsTest.gzip(in.readAllBytes()))));
        }
    }
}
