package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which value is billed, in which unit, and what is reported when the gateway cannot know. */
class UsageBillingTest {

    private static final String CUSTOMER = "0f000000-0000-4000-8000-00000000000c";
    private static final String PARTNER = "0f000000-0000-4000-8000-000000000001";

    /** Only the columns Acronis' own parser requires (plus edition), in a shuffled order: no unit, name or sku. */
    private static final String VENDOR_COLUMNS = "usage.delta.trial,infra.owner_id,name,usage.absolute.total,tenant.kind,"
            + "usage.effective.total,application.id,usage.delta.total,edition,usage.absolute.production,tenant.id,"
            + "usage.effective.trial,infra.backend_type,usage.delta.production,usage.absolute.trial,infra.id,"
            + "usage.effective.production\n";

    /** The offering items a tenant would be served, with the units of a public offering-items dump. */
    private static final Map<String, ItemFacts> OFFERING_ITEMS = Map.of(
            "pw_base_adv_dr_compute_points", new ItemFacts("seconds", "compute_points"),
            "local_storage", new ItemFacts("bytes", "local_storage"),
            "pw_base_backup_archive", new ItemFacts("bytes", "backup_archive"),
            "pw_base_dr_base", new ItemFacts("n/a", "dr_base"));

    private static final UnitCatalog CATALOG = (tenant, item, edition) -> Optional.ofNullable(OFFERING_ITEMS.get(item));

    private static String vendorRow(String tenantKind, String item, String edition, String absolute, String delta) {
        // delta.trial, infra.owner_id, name, absolute.total, kind, effective.total, application.id, delta.total,
        // edition, absolute.production, tenant.id, effective.trial, backend_type, delta.production, absolute.trial,
        // infra.id, effective.production
        String tenant = "customer".equals(tenantKind) ? CUSTOMER : PARTNER;
        return String.join(",", "0", "", item, absolute, tenantKind, absolute, "2f000000-0000-4000-8000-000000000002",
                delta, edition, absolute, tenant, "0", "", delta, "0", "", absolute) + "\n";
    }

    private static List<UsageRow> parse(String csv, UsageBilling billing) throws IOException {
        List<UsageRow> rows = new ArrayList<>();
        UsageReportReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), UsageFormat.CSV_V2_0,
                billing, rows::add);
        return rows;
    }

    @Test
    void aVendorColumnsReportIsBilledWithUnitsFromTheOfferingItems() throws IOException {
        UsageBilling billing = new UsageBilling(BillingRules.vendor(), CATALOG);
        List<UsageRow> rows = parse(VENDOR_COLUMNS
                + vendorRow("customer", "pw_base_adv_dr_compute_points", "pck_per_workload", "3600000", "5418")
                + vendorRow("customer", "local_storage", "", "1610612736", "536870912")
                + vendorRow("customer", "pw_base_backup_archive", "pck_per_workload", "2147483648", "0")
                + vendorRow("customer", "pw_base_dr_base", "pck_per_workload", "1", "0"), billing);

        UsageRow dr = rows.get(0);
        assertEquals("seconds", dr.unit(), "from the offering item");
        assertEquals(new BillableQuantity(new BigDecimal("1.51"), "points", "delta.total"), dr.billable(),
                "5,418 s used in the period, not the 3,600,000 s running total");
        assertEquals(new BigDecimal("1000.00"), dr.converted().absolute().total());
        assertEquals(new BillableQuantity(new BigDecimal("1.50"), "GiB", "absolute.total"), rows.get(1).billable());
        assertNull(rows.get(1).edition(), "empty edition");
        assertEquals(new BillableQuantity(new BigDecimal("2.00"), "GiB", "absolute.total"), rows.get(2).billable(),
                "bytes by the platform's word, whatever the name says");
        assertEquals(new BillableQuantity(BigDecimal.ONE, "n/a", "absolute.total"), rows.get(3).billable());
        assertEquals(List.of(), billing.warnings());
    }

    @Test
    void partnersAreBilledOnProductionCustomersOnTotal() throws IOException {
        List<UsageRow> rows = parse(VENDOR_COLUMNS
                + vendorRow("partner", "local_storage", "", "2147483648", "0")
                + vendorRow("folder", "pw_base_adv_dr_compute_points", "", "7200", "3600"),
                new UsageBilling(BillingRules.vendor(), CATALOG));
        assertEquals("absolute.production", rows.get(0).billable().measure());
        assertEquals(new BillableQuantity(new BigDecimal("1.00"), "points", "delta.production"), rows.get(1).billable());
    }

    @Test
    void anItemWhoseUnitNobodyKnowsIsUnconvertedAndWarnedAboutOnce() throws IOException {
        UsageBilling billing = new UsageBilling(BillingRules.vendor(), CATALOG);
        List<UsageRow> rows = parse(VENDOR_COLUMNS
                + vendorRow("customer", "mystery_item", "fss_per_user", "1073741824", "0")
                + vendorRow("customer", "mystery_item", "fss_per_user", "2", "0"), billing);
        assertEquals(new BillableQuantity(new BigDecimal("1073741824"), null, "absolute.total"), rows.get(0).billable());
        assertEquals(List.of(new UsageWarning(UsageWarning.UNKNOWN_UNIT, "mystery_item (edition fss_per_user)", 2,
                "Offering item mystery_item (edition fss_per_user) has no measurement_unit in the report or in the tenant's "
                        + "offering items: its quantities are as reported, unconverted, with no unit")),
                billing.warnings());
    }

    @Test
    void anUnknownTenantKindIsWarnedAboutAndTheItemTotalsSayWhatTheySummed() throws IOException {
        UsageBilling billing = new UsageBilling(BillingRules.vendor(), CATALOG);
        UsageTotals totals = new UsageTotals();
        parse(VENDOR_COLUMNS
                + vendorRow("customer", "local_storage", "", "1073741824", "0")
                + vendorRow("user", "local_storage", "", "1073741824", "0"), billing).forEach(totals);

        assertEquals(List.of(new UsageWarning(UsageWarning.UNKNOWN_TENANT_KIND, "user", 1,
                "Tenant kind 'user' is not one of customer, folder, partner, unit: its rows are billed on production "
                        + "and summed in tenant_items only, not in items")), billing.warnings());
        assertEquals(2, totals.tenantItems().size(), "the unknown kind's row is still in the per-tenant totals");
        UsageTotals.ItemTotal item = totals.items().get(0);
        assertEquals(List.of("customer"), item.tenantKinds());
        assertEquals(1, item.customers());
        assertEquals(new BigDecimal("1.00"), item.billable().quantity());
    }

    @ParameterizedTest
    @CsvSource({
        "compute_points, , DELTA", "pw_compute_points, , DELTA", "dre_compute_points, , DELTA",
        "p_dre_compute_points, , DELTA", "pw_base_adv_dr_compute_points, compute_points, DELTA",
        "dr_vm_cores, compute_points, DELTA", "local_storage, , ABSOLUTE", "pw_base_workstations, , ABSOLUTE",
        "compute_points_extra, , ABSOLUTE"})
    void theVendorRulePicksTheMeasure(String item, String usageName, BillingRules.Measure expected) {
        assertEquals(expected, BillingRules.vendor().measure(item, usageName));
    }

    @Test
    void overridesByPatternComeFirstExactNamesBeforePatternsLongerPatternsBeforeShorter() {
        BillingRules rules = new BillingRules(Map.of(
                "*_storage", BillingRules.Measure.DELTA,
                "pw_*_storage", BillingRules.Measure.ABSOLUTE,
                "pw_geo_storage", BillingRules.Measure.DELTA,
                "compute_points", BillingRules.Measure.ABSOLUTE));
        assertEquals(BillingRules.Measure.DELTA, rules.measure("local_storage", null));
        assertEquals(BillingRules.Measure.ABSOLUTE, rules.measure("pw_base_storage", null));
        assertEquals(BillingRules.Measure.DELTA, rules.measure("pw_geo_storage", null));
        assertEquals(BillingRules.Measure.ABSOLUTE, rules.measure("compute_points", null));
        assertEquals(BillingRules.Measure.DELTA, rules.measure("dre_compute_points", null), "no override: vendor rule");
    }
}
