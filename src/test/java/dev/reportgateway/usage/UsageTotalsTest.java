package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.usage.UsageTotals.ItemTotal;
import dev.reportgateway.usage.UsageTotals.TenantItemTotal;

class UsageTotalsTest {

    private static final String PARTNER = "0f000000-0000-4000-8000-000000000001";
    private static final String ALPHA = "0f000000-0000-4000-8000-00000000000a";
    private static final String BETA = "0f000000-0000-4000-8000-00000000000b";
    private static final String ALPHA_NAME = "Alpha, Inc. \"North\"";

    private static UsageValues v(String production, String total, String trial) {
        return new UsageValues(new BigDecimal(production), new BigDecimal(total), new BigDecimal(trial));
    }

    private static UsageTotals totals(UsageFormat format) {
        UsageTotals totals = new UsageTotals();
        Fixtures.report(format).forEach(totals);
        return totals;
    }

    @Test
    void perTenantAndItemAddsTheRoundedValuesOfEveryInfrastructureRow() {
        assertEquals(List.of(
                new TenantItemTotal(PARTNER, "Acme Partner", "partner", "compute_points", "points",
                        v("2.50", "2.50", "0.00"), v("2.50", "2.50", "0.00"), v("2.50", "2.50", "0.00"),
                        new BillableQuantity(new BigDecimal("2.50"), "points", "delta.production")),
                new TenantItemTotal(PARTNER, "Acme Partner", "partner", "pw_base_storage", "GiB",
                        v("3.00", "3.00", "0.00"), v("0.00", "0.00", "0.00"), v("3.00", "3.00", "0.00"),
                        new BillableQuantity(new BigDecimal("3.00"), "GiB", "absolute.production")),
                new TenantItemTotal(PARTNER, "Acme Partner", "partner", "pw_base_workstations", "quantity",
                        v("5", "6", "1"), v("1", "1", "0"), v("5", "5", "0"),
                        new BillableQuantity(new BigDecimal("5"), "quantity", "absolute.production")),
                new TenantItemTotal(ALPHA, ALPHA_NAME, "customer", "compute_points", "points",
                        v("1.51", "1.51", "0.00"), v("1.51", "1.51", "0.00"), v("1.51", "1.51", "0.00"),
                        new BillableQuantity(new BigDecimal("1.51"), "points", "delta.total")),
                // 1.50 + 0.01 GiB; delta 0.01 + 0.01 = 0.02 although the bytes summed first would round to 0.01
                new TenantItemTotal(ALPHA, ALPHA_NAME, "customer", "pw_base_storage", "GiB",
                        v("1.51", "1.51", "0.00"), v("0.02", "0.02", "0.00"), v("1.50", "1.50", "0.00"),
                        new BillableQuantity(new BigDecimal("1.51"), "GiB", "absolute.total")),
                new TenantItemTotal(ALPHA, ALPHA_NAME, "customer", "pw_base_workstations", "quantity",
                        v("3", "4", "1"), v("1", "1", "0"), v("3", "3", "0"),
                        new BillableQuantity(new BigDecimal("4"), "quantity", "absolute.total")),
                new TenantItemTotal(BETA, "Beta GmbH", "customer", "compute_points", "points",
                        v("0.00", "0.00", "0.00"), v("0.01", "0.01", "0.00"), v("0.01", "0.01", "0.00"),
                        new BillableQuantity(new BigDecimal("0.01"), "points", "delta.total")),
                new TenantItemTotal(BETA, "Beta GmbH", "customer", "dre_compute_points", "points",
                        v("1.50", "1.50", "0.00"), v("0.01", "0.01", "0.00"), v("1.50", "1.50", "0.00"),
                        new BillableQuantity(new BigDecimal("0.01"), "points", "delta.total")),
                new TenantItemTotal(BETA, "Beta GmbH", "customer", "pw_base_storage", "GiB",
                        v("1.00", "1.00", "0.00"), v("-0.50", "-0.50", "0.00"), v("1.00", "1.00", "0.00"),
                        new BillableQuantity(new BigDecimal("1.00"), "GiB", "absolute.total")),
                new TenantItemTotal(BETA, "Beta GmbH", "customer", "pw_base_workstations", "quantity",
                        v("2", "2.5", "0.5"), v("0", "0", "0"), v("2", "2", "0"),
                        new BillableQuantity(new BigDecimal("2.5"), "quantity", "absolute.total"))),
                totals(UsageFormat.CSV_V2_0).tenantItems());
    }

    @Test
    void perItemCountsCustomersOnlyNeverThePartnerAggregate() {
        assertEquals(List.of(
                new ItemTotal("compute_points", "points", List.of("customer"), 2,
                        v("1.51", "1.51", "0.00"), v("1.52", "1.52", "0.00"), v("1.52", "1.52", "0.00"),
                        new BillableQuantity(new BigDecimal("1.52"), "points", "delta.total")),
                new ItemTotal("dre_compute_points", "points", List.of("customer"), 1,
                        v("1.50", "1.50", "0.00"), v("0.01", "0.01", "0.00"), v("1.50", "1.50", "0.00"),
                        new BillableQuantity(new BigDecimal("0.01"), "points", "delta.total")),
                new ItemTotal("pw_base_storage", "GiB", List.of("customer"), 2,
                        v("2.51", "2.51", "0.00"), v("-0.48", "-0.48", "0.00"), v("2.50", "2.50", "0.00"),
                        new BillableQuantity(new BigDecimal("2.51"), "GiB", "absolute.total")),
                new ItemTotal("pw_base_workstations", "quantity", List.of("customer"), 2,
                        v("5", "6.5", "1.5"), v("1", "1", "0"), v("5", "5", "0"),
                        new BillableQuantity(new BigDecimal("6.5"), "quantity", "absolute.total"))),
                totals(UsageFormat.CSV_V2_0).items());
    }

    @Test
    void bothFormatsGiveTheSameTotals() {
        UsageTotals csv = totals(UsageFormat.CSV_V2_0);
        UsageTotals other = totals(UsageFormat.JSON_V2_0);
        assertEquals(csv.tenantItems(), other.tenantItems());
        assertEquals(csv.items(), other.items());
    }

    @Test
    void unnamedTenantsSortLastAndTheOrderIsIndependentOfArrival() {
        UsageTotals forward = new UsageTotals();
        UsageTotals backward = new UsageTotals();
        List<UsageRow> rows = new java.util.ArrayList<>(Fixtures.report(UsageFormat.CSV_V2_0));
        UsageRow unnamed = new UsageRow("00000000-0000-4000-8000-000000000000", null, "customer", "pw_base_workstations",
                null, null, "quantity", null, v("1", "1", "0"), v("0", "0", "0"), v("1", "1", "0"),
                new ConvertedUsage("quantity", v("1", "1", "0"), v("0", "0", "0"), v("1", "1", "0")),
                new BillableQuantity(BigDecimal.ONE, "quantity", "absolute.total"));
        rows.add(0, unnamed);
        rows.forEach(forward);
        java.util.Collections.reverse(rows);
        rows.forEach(backward);

        assertEquals(forward.tenantItems(), backward.tenantItems());
        assertEquals(forward.items(), backward.items());
        List<TenantItemTotal> tenantItems = forward.tenantItems();
        assertEquals(null, tenantItems.get(tenantItems.size() - 1).tenantName());
        assertEquals(3, forward.items().get(3).customers());
    }

    /** A report without {@code tenant.name} (the vendor's columns) and a tenant with two storage infrastructures. */
    @Test
    void infrastructureRowsOfAnUnnamedTenantAdd() {
        UsageTotals totals = new UsageTotals();
        for (String infra : List.of("1f000000-0000-4000-8000-000000000001", "1f000000-0000-4000-8000-000000000002")) {
            totals.accept(new UsageRow(ALPHA, null, "customer", "local_storage", null, null, "bytes", infra,
                    v("1", "1", "0"), v("0", "0", "0"), v("1", "1", "0"),
                    new ConvertedUsage("GiB", v("1.25", "1.25", "0.00"), v("0.00", "0.00", "0.00"), v("1.25", "1.25", "0.00")),
                    new BillableQuantity(new BigDecimal("1.25"), "GiB", "absolute.total")));
        }

        assertEquals(List.of(new TenantItemTotal(ALPHA, null, "customer", "local_storage", "GiB",
                v("2.50", "2.50", "0.00"), v("0.00", "0.00", "0.00"), v("2.50", "2.50", "0.00"),
                new BillableQuantity(new BigDecimal("2.50"), "GiB", "absolute.total"))), totals.tenantItems());
    }

    @Test
    void totalsSerialiseWithSnakeCaseNames() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tenant = mapper.valueToTree(totals(UsageFormat.CSV_V2_0).tenantItems().get(0));
        JsonNode item = mapper.valueToTree(totals(UsageFormat.CSV_V2_0).items().get(0));
        assertEquals(List.of("tenant_id", "tenant_name", "tenant_kind", "offering_item", "unit", "absolute", "delta",
                "effective", "billable"), names(tenant));
        assertEquals(List.of("offering_item", "unit", "tenant_kinds", "customers", "absolute", "delta", "effective",
                "billable"), names(item));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
