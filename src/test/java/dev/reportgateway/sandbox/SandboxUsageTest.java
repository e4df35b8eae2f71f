package dev.reportgateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.reportgateway.sandbox.SandboxUsage.Row;
import dev.reportgateway.sandbox.SandboxUsage.Tenant;

/** The synthetic partner tree and its usage, without HTTP. */
class SandboxUsageTest {

    private static final String ROOT = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
    private static final LocalDate START = LocalDate.parse("2026-10-01");
    private static final LocalDate END = LocalDate.parse("2026-10-31");

    private final SandboxUsage usage = new SandboxUsage(ROOT);

    @Test
    void treeIsPartnerSubPartnerFolderAndTwentyTwoCustomers() {
        List<Tenant> tenants = usage.tenants();
        assertEquals(25, tenants.size());
        assertEquals(new Tenant(ROOT, "Sandbox Partner", "partner", null), tenants.get(0));
        assertEquals(22, usage.customers().size());
        assertEquals(22, tenants.stream().filter(t -> t.kind().equals("customer")).count());
        assertEquals(2, tenants.stream().filter(t -> t.kind().equals("partner")).count());
        assertEquals(1, tenants.stream().filter(t -> t.kind().equals("folder")).count());
        assertEquals(25, tenants.stream().map(Tenant::id).distinct().count());
        tenants.stream().skip(1).forEach(t -> assertTrue(usage.tenant(t.parentId()).isPresent(), t.name()));
        Tenant alpha = usage.customers().get(0);
        assertEquals("Alpha, Beta & Co", alpha.name());
        assertEquals(UUID.nameUUIDFromBytes("acronis-sandbox/tenant/Alpha, Beta & Co"
                .getBytes(StandardCharsets.UTF_8)).toString(), alpha.id());
    }

    @Test
    void sameParametersGiveSameNumbersAndOtherPeriodsOtherNumbers() {
        List<Row> rows = usage.rows("accounts", START, END, false);
        assertEquals(rows, new SandboxUsage(ROOT).rows("accounts", START, END, false));
        assertNotEquals(rows, usage.rows("accounts", START, LocalDate.parse("2026-10-30"), false));
    }

    @Test
    void fixedValuesHoldInEveryPeriod() {
        for (LocalDate end : List.of(END, LocalDate.parse("2025-02-28"))) {
            List<Row> alpha = rowsOf(usage.rows("all_customers", START.minusYears(2), end, false), 0);
            List<Long> storage = alpha.stream().filter(r -> r.item().name().equals("pw_base_storage"))
                    .map(r -> r.absolute().total()).toList();
            assertEquals(List.of(10 * SandboxUsage.GIB, 5 * SandboxUsage.GIB / 2), storage);
            Set<Long> seconds = usage.rows("all_customers", START.minusYears(2), end, false).stream()
                    .filter(r -> r.tenant().kind().equals("customer") && r.item().name().equals("compute_points"))
                    .map(r -> r.absolute().total()).collect(Collectors.toSet());
            assertTrue(seconds.containsAll(Set.of(5400L, 5418L, 17L, 18L, 0L)), seconds.toString());
        }
    }

    @Test
    void partnerRowsSumTheirCustomersAndItselfGivesOnlyThem() {
        List<Row> all = usage.rows("direct_partners", START, END, false);
        List<Row> itself = usage.rows("itself", START, END, false);
        assertTrue(itself.stream().allMatch(r -> r.tenant().id().equals(ROOT)));
        assertEquals(5, itself.size()); // storage x 2 locations, workstations, servers, compute points
        for (Row partnerRow : itself) {
            long sum = all.stream().filter(r -> r.tenant().kind().equals("customer"))
                    .filter(r -> r.item() == partnerRow.item() && r.infra() == partnerRow.infra())
                    .mapToLong(r -> r.absolute().total()).sum();
            assertEquals(sum, partnerRow.absolute().total(), partnerRow.item().name());
        }
        assertEquals(itself, all.stream().filter(r -> r.tenant().id().equals(ROOT)).toList());
    }

    @Test
    void hideZeroUsageDropsExactlyTheZeroRows() {
        List<Row> all = usage.rows("accounts", START, END, false);
        List<Row> shown = usage.rows("accounts", START, END, true);
        long zero = all.stream().filter(Row::zero).count();
        assertTrue(zero >= 5, "some rows are zero");
        assertEquals(all.size() - zero, shown.size());
        assertTrue(shown.stream().noneMatch(Row::zero));
        assertTrue(shown.stream().noneMatch(r -> r.tenant().name().equals("Dormant Co")));
    }

    @Test
    void someCustomersHaveTwoStorageRows() {
        List<Row> all = usage.rows("accounts", START, END, false);
        for (int i = 0; i < 22; i++) {
            long storageRows = rowsOf(all, i).stream().filter(r -> r.item().name().equals("pw_base_storage")).count();
            assertEquals(i % 4 == 0 ? 2 : 1, storageRows, "customer " + i);
        }
    }

    private List<Row> rowsOf(List<Row> rows, int customer) {
        String id = usage.customers().get(customer).id();
        return rows.stream().filter(r -> r.tenant().id().equals(id)).toList();
    }
}
