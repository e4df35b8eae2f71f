package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.reportgateway.billing.BillingRunContract;
import dev.reportgateway.upstream.KeyedTest;
import dev.reportgateway.upstream.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * What the billing console stands on: its static page under a strict Content-Security-Policy, the caller's roles, and
 * a done run's quantities per customer and item, which must equal the run's usage rows added up.
 */
@QuarkusTest
class ConsoleEndpointsTest extends KeyedTest {

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void thePageIsServedWithoutAKeyUnderAStrictContentSecurityPolicy() {
        TestKeys.clearDefault();
        given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .when().get("/console").then().statusCode(302).header("Location", is(org.hamcrest.Matchers.endsWith("/console/")));
        for (String path : List.of("/console/", "/console/console.js", "/console/console.css")) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", is(CSP))
                    .header("X-Content-Type-Options", is("nosniff"))
                    .header("Referrer-Policy", is("no-referrer"));
        }
        String page = given().when().get("/console/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<script type=\"module\" src=\"console.js\"></script>"), "the only script is a file");
        assertEquals(1, page.split("<script").length - 1, "no inline script");
        assertTrue(!page.contains("style=") && !page.contains("onclick"), "no inline style or handler");
        given().when().get("/billing/caller").then().statusCode(401);
    }

    @Test
    void theCallerSeesItsNameRolesAndTenants() {
        given().when().get("/billing/caller").then().statusCode(200)
                .body("name", is("test-admin")).body("roles", is(List.of("reports-reader", "reports-writer"))).body("tenants", nullValue());
        TestKeys.useByDefault(TestKeys.READER);
        given().when().get("/billing/caller").then().statusCode(200).body("roles", is(List.of("reports-reader")));
        TestKeys.useByDefault(TestKeys.SCOPED_READER);
        given().when().get("/billing/caller").then().statusCode(200).body("tenants", is(List.of("ede9f834-70b3-476c-83d9-736f9f8c7dae")));
    }

    @Test
    void aRunsCustomersAreItsUsageRowsOfCustomersAddedUpPerItem() {
        String month = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        String runId = given().contentType("application/json").body("{\"month\": \"" + month + "\"}").when().post("/billing/runs")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 202)).extract().path("id");
        BillingRunContract.awaitStatus(runId, "done");

        JsonPath usage = given().when().get("/billing/runs/" + runId + "/usage").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, Map<String, BigDecimal>> expected = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Map<String, Object> row : usage.<Map<String, Object>> getList("rows")) {
            if (!"customer".equals(row.get("tenant_kind"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Object quantity = ((Map<String, Object>) row.get("billable")).get("quantity");
            expected.computeIfAbsent((String) row.get("tenant_id"), tenant -> new TreeMap<>())
                    .merge((String) row.get("offering_item"), new BigDecimal(String.valueOf(quantity)), BigDecimal::add);
            names.put((String) row.get("tenant_id"), (String) row.get("tenant_name"));
        }

        JsonPath customers = given().when().get("/billing/runs/" + runId + "/customers").then().statusCode(200)
                .body("run_id", is(runId)).extract().jsonPath();
        assertEquals(22, customers.getList("customers").size(), "the sandbox's 22 customers");
        Map<String, Map<String, BigDecimal>> answered = new TreeMap<>();
        for (Map<String, Object> customer : customers.<Map<String, Object>> getList("customers")) {
            String tenant = (String) customer.get("tenant_id");
            assertEquals(names.get(tenant), customer.get("name"));
            @SuppressWarnings("unchecked")
            Map<String, String> quantities = (Map<String, String>) customer.get("quantities");
            Map<String, BigDecimal> values = new TreeMap<>();
            quantities.forEach((item, quantity) -> values.put(item, new BigDecimal(quantity)));
            answered.put(tenant, values);
        }
        assertEquals(normalized(expected), normalized(answered));
        List<String> sortedNames = customers.getList("customers.name");
        assertEquals(sortedNames.stream().sorted().toList(), sortedNames, "customers by name");

        Map<String, Object> storage = customers.getMap("items.find { it.offering_item == 'local_storage' }");
        BigDecimal storageTotal = expected.values().stream().map(items -> items.getOrDefault("local_storage", BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, storageTotal.compareTo(new BigDecimal((String) storage.get("quantity"))), storage.toString());
        assertEquals("GiB", storage.get("unit"));
        assertEquals(21, storage.get("customers"), "Dormant Co stores nothing");

        String alpha = names.entrySet().stream().filter(entry -> entry.getValue().equals("Alpha, Beta & Co")).findFirst().orElseThrow().getKey();
        given().queryParam("tenant_id", alpha.toUpperCase()).when().get("/billing/runs/" + runId + "/customers").then().statusCode(200)
                .body("customers.size()", is(1)).body("customers[0].quantities.local_storage", is("12.5"));
        given().queryParam("tenant_id", "nope").when().get("/billing/runs/" + runId + "/customers").then().statusCode(400);
        given().when().get("/billing/runs/" + java.util.UUID.randomUUID() + "/customers").then().statusCode(404)
                .body("type", containsString("billing-run-not-found"));
    }

    private static Map<String, Map<String, BigDecimal>> normalized(Map<String, Map<String, BigDecimal>> values) {
        Map<String, Map<String, BigDecimal>> result = new TreeMap<>();
        values.forEach((tenant, items) -> {
            Map<String, BigDecimal> plain = new TreeMap<>();
            items.forEach((item, quantity) -> plain.put(item, quantity.stripTrailingZeros()));
            result.put(tenant, plain);
        });
        return result;
    }
}
