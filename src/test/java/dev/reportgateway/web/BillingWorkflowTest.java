package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.KeyedTest;
import dev.reportgateway.upstream.SeedReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The billing workflow against the embedded sandbox, as a user runs it: create a {@code save} report in
 * csv_v2_0, json_v2_0 and json_v1, poll its stored reports, download them, and get the usage of each — the
 * same totals from every format, DR compute points in points and storage in GiB.
 */
@QuarkusTest
public class BillingWorkflowTest extends KeyedTest {

    /** A sandbox customer with two storage locations: 10.00 + 2.50 GiB. */
    private static final String ALPHA = "26183fe5-e3dd-3c68-9129-2e0c5c8e29a9";

    @Test
    void sameTotalsFromEveryFormat() {
        String reportId = given().contentType("application/json").body("""
                {"result_action":"save",
                 "parameters":{"tenant_id":"%s","level":"accounts","kind":"usage_summary",
                   "formats":["csv_v2_0","json_v2_0","json_v1"],"period":{"start":"2026-10-01","end":"2026-10-31"},
                   "show_skus":true,"hide_zero_usage":false},
                 "schedule":{"type":"once"}}
                """.formatted(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(200).extract().path("id");

        List<Map<String, Object>> stored = given().when().get("/api/2/reports/" + reportId + "/stored")
                .then().statusCode(200).extract().path("items");
        assertEquals(3, stored.size());
        assertTrue(stored.stream().allMatch(item -> "saved".equals(item.get("status"))), stored.toString());

        String csv = given().when().get("/api/2/reports/" + reportId + "/stored/" + idOf(stored, "csv_v2_0"))
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.contains("tenant.id") && header.contains("usage.effective.total"), "decompressed csv_v2_0 header: " + header);

        JsonPath fromCsv = usage(reportId, idOf(stored, "csv_v2_0"));
        JsonPath fromJson = usage(reportId, idOf(stored, "json_v2_0"));
        JsonPath fromV1 = usage(reportId, idOf(stored, "json_v1"));

        assertEquals(fromCsv.getList("totals.tenant_items"), fromJson.getList("totals.tenant_items"));
        assertEquals(fromCsv.getList("totals.items"), fromJson.getList("totals.items"));
        assertEquals(fromCsv.getList("totals.tenant_items"), fromV1.getList("totals.tenant_items"));
        assertEquals(fromCsv.getList("rows").size(), fromJson.getList("rows").size());
        assertTrue(fromCsv.getList("totals.tenant_items").size() > 20 * 3, "at least 20 customers with several items");

        assertEquals("12.50", decimal(fromCsv, "totals.tenant_items.find { it.tenant_id == '" + ALPHA
                + "' && it.offering_item == 'pw_base_storage' }.absolute.total"));
        assertEquals("1.50", decimal(fromCsv, "totals.tenant_items.find { it.tenant_id == '" + ALPHA
                + "' && it.offering_item == 'compute_points' }.absolute.total"));
        assertEquals("points", fromCsv.getString("totals.items.find { it.offering_item == 'compute_points' }.unit"));
    }

    private static JsonPath usage(String reportId, String storedId) {
        return given().when().get("/billing/reports/" + reportId + "/stored/" + storedId + "/usage")
                .then().statusCode(200).body("report_id", equalTo(reportId)).extract().jsonPath();
    }

    private static String idOf(List<Map<String, Object>> stored, String format) {
        return stored.stream().filter(item -> format.equals(item.get("report_format"))).findFirst().orElseThrow().get("id").toString();
    }

    private static String decimal(JsonPath json, String path) {
        return new java.math.BigDecimal(json.getString(path)).setScale(2).toPlainString();
    }
}
