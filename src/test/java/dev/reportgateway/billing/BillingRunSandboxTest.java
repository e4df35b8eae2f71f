package dev.reportgateway.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.KeyedTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The one-call workflow in the default mode, against the embedded sandbox and the embedded database: a month's run
 * reaches {@code done}, its usage from the database equals the usage endpoint's for the same stored report, and
 * unless kept, its report is gone from the platform.
 */
@QuarkusTest
class BillingRunSandboxTest extends KeyedTest {

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Test
    void lastMonthsRunHasTheManualWorkflowsNumbersAndLeavesNoReport() {
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        String kept = given().contentType("application/json").body("{\"month\":\"" + lastMonth + "\",\"keep_report\":true}")
                .when().post("/billing/runs").then().statusCode(202).body("keep_report", is(true)).extract().path("id");
        JsonPath run = BillingRunContract.awaitStatus(kept, "done");
        String reportId = run.getString("report.id");
        String storedId = run.getString("report.stored_report_id");
        assertEquals(false, run.getBoolean("report.deleted"));
        assertTrue(run.getLong("progress.rows_parsed") > 100, run.prettify());

        JsonPath fromRun = given().when().get("/billing/runs/" + kept + "/usage").then().statusCode(200)
                .extract().jsonPath().using(DECIMALS);
        JsonPath manual = given().when().get("/billing/reports/" + reportId + "/stored/" + storedId + "/usage").then().statusCode(200)
                .extract().jsonPath().using(DECIMALS);
        assertEquals(manual.getList("totals.items"), fromRun.getList("totals.items"));
        assertEquals(manual.getList("totals.tenant_items"), fromRun.getList("totals.tenant_items"));
        assertEquals(manual.getList("rows").size(), fromRun.getList("rows").size());
        assertEquals(run.getLong("progress.rows_parsed"), fromRun.getList("rows").size());

        // a finished run is deleted with its rows; a kept report stays on the platform until its owner deletes it
        given().when().delete("/billing/runs/" + kept).then().statusCode(204);
        given().when().get("/api/2/reports/" + reportId).then().statusCode(200);

        YearMonth earlier = lastMonth.minusMonths(1);
        String cleaned = given().contentType("application/json").body("{\"month\":\"" + earlier + "\"}")
                .when().post("/billing/runs").then().statusCode(202).extract().path("id");
        BillingRunContract.awaitStatus(cleaned, "done");
        String cleanedReport = BillingRunContract.await(cleaned, json -> json.getBoolean("report.deleted")).getString("report.id");
        given().when().get("/api/2/reports/" + cleanedReport).then().statusCode(404);
    }
}
