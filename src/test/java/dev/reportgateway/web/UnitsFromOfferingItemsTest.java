package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A csv_v2_0 with only the columns Acronis' own parser confirms (no {@code measurement_unit}), in a shuffled order:
 * the units come from the tenant's offering items, asked of the platform, and nothing is guessed from a name.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class UnitsFromOfferingItemsTest extends UpstreamTest {

    private static final String STORED_ID = StoredReportsTest.STORED_ID;
    private static final String USAGE = "/billing/reports/" + REPORT_ID + "/stored/" + STORED_ID + "/usage";
    private static final String PARTNER = "0f000000-0000-4000-8000-0000000000fe"; // this class's own: items are kept per tenant
    private static final String CUSTOMER = "0f000000-0000-4000-8000-00000000000c";

    private static final String VENDOR_COLUMNS = "usage.delta.trial,infra.owner_id,name,usage.absolute.total,tenant.kind,"
            + "usage.effective.total,application.id,usage.delta.total,edition,usage.absolute.production,tenant.id,"
            + "usage.effective.trial,infra.backend_type,usage.delta.production,usage.absolute.trial,infra.id,"
            + "usage.effective.production\n";

    private static String row(String item, String edition, String absolute, String delta) {
        return String.join(",", "0", "", item, absolute, "customer", absolute, "2f000000-0000-4000-8000-000000000002",
                delta, edition, absolute, CUSTOMER, "0", "", delta, "0", "", absolute) + "\n";
    }

    private static final String OFFERING_ITEMS = """
            {"items": [
              {"name": "pw_base_adv_dr_compute_points", "edition": "pck_per_workload", "usage_name": "compute_points",
               "type": "infra", "infra_id": "1f000000-0000-4000-8000-0000000000d1", "measurement_unit": "seconds",
               "status": 1, "quota": {"value": null}},
              {"name": "local_storage", "edition": null, "usage_name": "local_storage", "type": "infra",
               "measurement_unit": "bytes", "status": 1},
              {"name": "pw_base_backup_archive", "edition": "pck_per_workload", "usage_name": "backup_archive",
               "type": "count", "measurement_unit": "bytes", "status": 1},
              {"name": "pw_base_dr_base", "edition": "pck_per_workload", "usage_name": "dr_base", "type": "feature",
               "measurement_unit": "n/a", "status": 1}]}
            """;

    @Test
    void unitsComeFromTheTenantsOfferingItemsAndNothingIsGuessed() throws IOException {
        serve(VENDOR_COLUMNS
                + row("pw_base_adv_dr_compute_points", "pck_per_workload", "3600000", "5418")
                + row("local_storage", "", "1610612736", "536870912")
                + row("pw_base_backup_archive", "pck_per_workload", "2147483648", "0")
                + row("mystery_storage", "pck_per_workload", "1073741824", "0"), PARTNER);

        for (int call = 0; call < 2; call++) {
            given().when().get(USAGE).then().statusCode(200)
                    .body("rows", hasSize(4))
                    .body("rows[0].unit", equalTo("seconds"))
                    .body("rows[0].billable.quantity", equalTo(1.51f))
                    .body("rows[0].billable.unit", equalTo("points"))
                    .body("rows[0].billable.measure", equalTo("delta.total"))
                    .body("rows[0].converted.absolute.total", equalTo(1000.00f))
                    .body("rows[1].billable.quantity", equalTo(1.50f))
                    .body("rows[1].billable.unit", equalTo("GiB"))
                    .body("rows[1].billable.measure", equalTo("absolute.total"))
                    .body("rows[2].unit", equalTo("bytes"))
                    .body("rows[2].billable.quantity", equalTo(2.00f))
                    .body("rows[2].billable.unit", equalTo("GiB"))
                    .body("rows[3].unit", nullValue())
                    .body("rows[3].billable.unit", nullValue())
                    .body("rows[3].billable.quantity", equalTo(1073741824))
                    .body("warnings", hasSize(1))
                    .body("warnings[0].type", equalTo("unknown_unit"))
                    .body("warnings[0].subject", equalTo("mystery_storage (edition pck_per_workload)"))
                    .body("warnings[0].rows", equalTo(1))
                    .body("totals.items.find { it.offering_item == 'pw_base_adv_dr_compute_points' }.billable.quantity",
                            equalTo(1.51f))
                    .body("totals.items[0].tenant_kinds", equalTo(List.of("customer")));
        }

        assertEquals(1, wireMock.countRequestsMatching(getRequestedFor(urlEqualTo(offeringItems(PARTNER))).build()).getCount(),
                "the report's tenant's items, asked once for both calls");
        assertEquals(1, wireMock.countRequestsMatching(getRequestedFor(urlEqualTo(offeringItems(CUSTOMER))).build()).getCount(),
                "the row's tenant asked once for the item its report's tenant lacks; its 404 kept as none");
    }

    @Test
    void theCsvAnswerCarriesTheBillableColumns() throws IOException {
        serve(VENDOR_COLUMNS + row("pw_base_adv_dr_compute_points", "pck_per_workload", "3600000", "5418"),
                "0f000000-0000-4000-8000-0000000000ff");

        String csv = given().accept("text/csv").when().get(USAGE).then().statusCode(200).extract().asString();

        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",billable_quantity,billable_unit,billable_measure"), csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().endsWith(",1.51,points,delta.total"), csv);
    }

    private static String offeringItems(String tenant) {
        return "/api/2/tenants/" + tenant + "/offering_items";
    }

    /** Serves the report, made for {@code reportTenant} (each test its own: offering items are kept per tenant). */
    private void serve(String csv, String reportTenant) throws IOException {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, reportTenant))));
        wireMock.stubFor(get(urlEqualTo(offeringItems(reportTenant))).willReturn(Upstream.json(200, OFFERING_ITEMS)));
        wireMock.stubFor(get(urlPathMatching("/api/2/tenants/" + CUSTOMER + "/offering_items")).willReturn(Upstream.json(404,
                "{\"error\":{\"code\":1005,\"message\":\"Tenant not found\",\"domain\":\"PlatformAccountServer\"}}")));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200,
                "{\"items\":[{\"id\":\"" + STORED_ID + "\",\"report_format\":\"csv_v2_0\",\"size\":1,"
                        + "\"created_at\":\"2026-11-26T07:36:58+00:00\",\"status\":\"saved\"}]}")));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored/" + STORED_ID))
                .willReturn(aResponse().withStatus(200).withBody(StoredReportsTest.gzip(csv.getBytes(StandardCharsets.UTF_8)))));
    }
}
