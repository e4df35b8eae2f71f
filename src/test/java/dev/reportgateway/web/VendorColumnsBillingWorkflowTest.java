package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The sandbox billing workflow with {@code acronis.sandbox.csv-columns=vendor}: csv_v2_0 carries only the columns
 * Acronis' own parser reads (no {@code measurement_unit}, {@code tenant.name} or {@code sku}, in another order),
 * so the gateway must take units from the tenant's offering items. Every check of {@link BillingWorkflowTest}
 * runs again here and must give the same billable totals and numbers as in the full-columns mode: json_v2_0,
 * which the setting does not change (SandboxReportFilesTest), is the full-columns reference for csv_v2_0.
 */
@QuarkusTest
@TestProfile(VendorColumnsBillingWorkflowTest.VendorColumns.class)
public class VendorColumnsBillingWorkflowTest extends BillingWorkflowTest {

    /** The sandbox writes csv_v2_0 with the vendor's columns only. */
    public static class VendorColumns implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("acronis.sandbox.csv-columns", "vendor");
        }
    }

    @Test
    void csvV2CarriesOnlyTheVendorColumns() {
        String reportId = create("\"csv_v2_0\"");
        String csv = given().when().get("/api/2/reports/" + reportId + "/stored/" + idOf(stored(reportId, 1), "csv_v2_0"))
                .then().statusCode(200).contentType("text/csv").extract().asString();

        assertEquals(List.of("usage.delta.trial", "infra.owner_id", "name", "usage.absolute.total", "tenant.kind",
                "usage.effective.total", "application.id", "usage.delta.total", "edition", "usage.absolute.production",
                "tenant.id", "usage.effective.trial", "infra.backend_type", "usage.delta.production",
                "usage.absolute.trial", "infra.id", "usage.effective.production"),
                List.of(csv.lines().findFirst().orElseThrow().split(",")));
    }
}
