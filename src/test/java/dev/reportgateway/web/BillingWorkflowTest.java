package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.KeyedTest;
import dev.reportgateway.upstream.SeedReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The billing workflow against the embedded sandbox, as a user runs it: create a {@code save} report in
 * csv_v2_0 and json_v2_0, poll its stored reports, download them, and get the usage of each — the same billable
 * totals from both formats: DR compute points billed on the period's delta in points, storage on absolute in GiB.
 * json_v1 files are still made and downloaded, but carry no usage rows.
 */
@QuarkusTest
public class BillingWorkflowTest extends KeyedTest {

    /** A sandbox customer with two storage infrastructures: 10.00 + 2.50 GiB. */
    private static final String ALPHA = "26183fe5-e3dd-3c68-9129-2e0c5c8e29a9";
    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Test
    void sameBillableTotalsFromCsvV2AndJsonV2() {
        String reportId = create("\"csv_v2_0\",\"json_v2_0\"");
        List<Map<String, Object>> stored = stored(reportId, 2);

        String csv = given().when().get("/api/2/reports/" + reportId + "/stored/" + idOf(stored, "csv_v2_0"))
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.contains("tenant.id") && header.contains("usage.effective.total"), "decompressed csv_v2_0 header: " + header);

        JsonPath fromCsv = usage(reportId, idOf(stored, "csv_v2_0"));
        JsonPath fromJson = usage(reportId, idOf(stored, "json_v2_0"));

        assertEquals(List.of(), fromCsv.getList("warnings"));
        assertEquals(List.of(), fromJson.getList("warnings"));
        assertEquals(byTenantItem(fromJson), byTenantItem(fromCsv));
        assertEquals(fromJson.getList("totals.items"), fromCsv.getList("totals.items"));
        assertEquals(fromJson.getList("rows").size(), fromCsv.getList("rows").size());
        assertTrue(fromCsv.getList("totals.tenant_items").size() > 20 * 3, "at least 20 customers with several items");

        assertEquals(billable("12.50", "GiB", "absolute.total"), alpha(fromCsv, "local_storage").get("billable"));
        assertEquals(billable("3.00", "GiB", "absolute.total"), alpha(fromCsv, "pw_base_backup_archive").get("billable"));
        Map<String, Object> compute = alpha(fromCsv, "pw_base_adv_dr_compute_points");
        assertEquals(billable("1.50", "points", "delta.total"), compute.get("billable"));
        // 5400 s in the period; the running total since 2020-01 is 82 such months: 123.00 points, not billed
        assertEquals(new BigDecimal("123.00"), ((Map<?, ?>) compute.get("absolute")).get("total"));
        assertEquals("points", fromCsv.getString("totals.items.find { it.offering_item == 'pw_base_adv_dr_compute_points' }.unit"));
        assertEquals("delta.total",
                fromCsv.getString("totals.items.find { it.offering_item == 'pw_base_adv_dr_compute_points' }.billable.measure"));
    }

    @Test
    void jsonV1IsDownloadedButHasNoUsage() {
        String reportId = create("\"json_v1\"");
        String storedId = idOf(stored(reportId, 1), "json_v1");

        given().when().get("/api/2/reports/" + reportId + "/stored/" + storedId)
                .then().statusCode(200).contentType("application/json").body("tenants.size()", equalTo(25));
        given().when().get("/billing/reports/" + reportId + "/stored/" + storedId + "/usage")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:usage-format-unsupported"))
                .body("status", equalTo(422));
    }

    static String create(String formats) {
        return given().contentType("application/json").body("""
                {"result_action":"save",
                 "parameters":{"tenant_id":"%s","level":"accounts","kind":"usage_summary",
                   "formats":[%s],"period":{"start":"2026-10-01","end":"2026-10-31"},
                   "show_skus":true,"hide_zero_usage":false},
                 "schedule":{"type":"once"}}
                """.formatted(SeedReport.TENANT, formats))
                .when().post("/api/2/reports").then().statusCode(200).extract().path("id");
    }

    static List<Map<String, Object>> stored(String reportId, int formats) {
        List<Map<String, Object>> stored = given().when().get("/api/2/reports/" + reportId + "/stored")
                .then().statusCode(200).extract().path("items");
        assertEquals(formats, stored.size());
        assertTrue(stored.stream().allMatch(item -> "saved".equals(item.get("status"))), stored.toString());
        return stored;
    }

    private static JsonPath usage(String reportId, String storedId) {
        return given().when().get("/billing/reports/" + reportId + "/stored/" + storedId + "/usage")
                .then().statusCode(200).body("report_id", equalTo(reportId)).extract().jsonPath().using(DECIMALS);
    }

    static String idOf(List<Map<String, Object>> stored, String format) {
        return stored.stream().filter(item -> format.equals(item.get("report_format"))).findFirst().orElseThrow().get("id").toString();
    }

    /** Each tenant × item total by {@code tenant_id/offering_item}, without the display name (not every file has it). */
    private static Map<String, Map<String, Object>> byTenantItem(JsonPath usage) {
        Map<String, Map<String, Object>> totals = new LinkedHashMap<>();
        for (Map<String, Object> total : usage.<Map<String, Object>>getList("totals.tenant_items")) {
            Map<String, Object> billed = new LinkedHashMap<>(total);
            billed.remove("tenant_name");
            totals.put(total.get("tenant_id") + "/" + total.get("offering_item"), billed);
        }
        return totals;
    }

    private static Map<String, Object> alpha(JsonPath usage, String item) {
        return byTenantItem(usage).get(ALPHA + "/" + item);
    }

    private static Map<String, Object> billable(String quantity, String unit, String measure) {
        return Map.of("quantity", new BigDecimal(quantity), "unit", unit, "measure", measure);
    }
}
