package dev.reportgateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.reportgateway.sandbox.SandboxOfferingItems.OfferingItem;
import dev.reportgateway.sandbox.SandboxUsage.Infra;
import dev.reportgateway.sandbox.SandboxUsage.Row;
import dev.reportgateway.sandbox.SandboxUsage.Tenant;
import dev.reportgateway.sandbox.SandboxUsage.Usage;

/** The synthetic partner tree, its usage and its offering items, without HTTP. */
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
            List<Row> all = usage.rows("all_customers", START.minusYears(2), end, false);
            List<Row> alpha = rowsOf(all, 0);
            assertEquals(List.of(10 * SandboxUsage.GIB, 5 * SandboxUsage.GIB / 2), alpha.stream()
                    .filter(r -> r.item() == SandboxUsage.LOCAL_STORAGE).map(r -> r.absolute().total()).toList());
            assertEquals(List.of(3 * SandboxUsage.GIB), alpha.stream()
                    .filter(r -> r.item() == SandboxUsage.BACKUP_ARCHIVE).map(r -> r.absolute().total()).toList());
            List<Long> seconds = IntStream.range(0, 4).mapToObj(i -> rowsOf(all, i).stream()
                    .filter(r -> r.item() == SandboxUsage.COMPUTE_POINTS).findFirst().orElseThrow().delta().total())
                    .toList();
            assertEquals(List.of(5400L, 5418L, 17L, 18L), seconds);
        }
    }

    /** Compute points: delta is the period's use, absolute the running total since 2020-01 (each month alike). */
    @Test
    void computePointsAbsoluteIsARunningTotalAndDeltaThePeriodsUse() {
        Row october = computePoints(rowsOf(usage.rows("accounts", START, END, false), 0));
        assertEquals(new Usage(5400, 5400, 0), october.delta());
        assertEquals(new Usage(5400 * 82, 5400 * 82, 0), october.absolute()); // 2020-01 .. 2026-10: 82 months
        Row september = computePoints(rowsOf(usage.rows("accounts", START.minusMonths(1), END.minusMonths(1), false), 0));
        assertEquals(october.delta().total(), october.absolute().total() - september.absolute().total());
        Row before = computePoints(rowsOf(usage.rows("accounts", LocalDate.parse("2019-05-01"),
                LocalDate.parse("2019-05-31"), false), 1));
        assertEquals(before.delta(), before.absolute(), "nothing before the tenant began");
        usage.rows("accounts", START, END, false).stream().filter(r -> r.item() == SandboxUsage.COMPUTE_POINTS)
                .filter(r -> !r.zero())
                .forEach(r -> assertTrue(r.absolute().total() > r.delta().total(), r.tenant().name()));
    }

    @Test
    void rowsCarryTheEditionsAndComputePointsAreOnTheDisasterRecoveryInfrastructure() {
        List<Row> all = usage.rows("accounts", START, END, false);
        assertEquals(Set.of("local_storage", "pw_base_backup_archive", "pw_base_workstations", "pw_base_servers",
                "pw_base_adv_dr_compute_points", "fss_base_users"),
                all.stream().map(r -> r.item().name()).collect(Collectors.toSet()));
        assertEquals(Arrays.asList(null, "pck_per_workload", "fss_per_user"),
                all.stream().map(r -> r.item().edition()).distinct().toList());
        Set<Infra> drInfra = all.stream().filter(r -> r.item() == SandboxUsage.COMPUTE_POINTS).map(Row::infra)
                .collect(Collectors.toSet());
        assertEquals(1, drInfra.size());
        Infra dr = drInfra.iterator().next();
        assertEquals(UUID.nameUUIDFromBytes("acronis-sandbox/infra/disaster-recovery".getBytes(StandardCharsets.UTF_8))
                .toString(), dr.id());
        assertEquals(ROOT, dr.ownerId());
        assertTrue(all.stream().filter(r -> r.item() == SandboxUsage.LOCAL_STORAGE).noneMatch(r -> r.infra() == dr));
        assertTrue(all.stream().filter(r -> r.item().type().equals("count")).allMatch(r -> r.infra() == null));
    }

    @Test
    void everyTenantIsServedTheOfferingItemsOfItsRowsWithTheirUnits() {
        List<Row> all = usage.rows("accounts", START, END, false);
        for (Tenant tenant : List.of(usage.tenants().get(0), usage.customers().get(0), usage.customers().get(21))) {
            List<OfferingItem> items = usage.offeringItems(tenant.id());
            assertTrue(items.stream().allMatch(i -> i.tenantId().equals(tenant.id()) && i.status() == 1));
            for (Row row : all) {
                String infraId = row.infra() == null ? null : row.infra().id();
                assertEquals(1, items.stream().filter(i -> i.name().equals(row.item().name())
                        && Objects.equals(i.edition(), row.item().edition()) && Objects.equals(i.infraId(), infraId)
                        && i.measurementUnit().equals(row.item().unit())).count(), row.toString());
            }
            assertTrue(items.contains(new OfferingItem(SandboxUsage.CYBER_PROTECTION, "pw_base_adv_dr_compute_points",
                    "pck_per_workload", "compute_points", tenant.id(), "infra",
                    computePoints(all).infra().id(), "seconds", 1)), items.toString());
            List<OfferingItem> storage = items.stream().filter(i -> i.name().equals("local_storage")).toList();
            assertEquals(2, storage.size(), "one per storage infrastructure");
            assertTrue(storage.stream().allMatch(i -> i.edition() == null && i.measurementUnit().equals("bytes")
                    && i.type().equals("infra")), storage.toString());
            assertTrue(items.contains(new OfferingItem(SandboxUsage.CYBER_PROTECTION, "pw_base_dr_base",
                    "pck_per_workload", "dr_base", tenant.id(), "feature", null, "n/a", 1)), items.toString());
        }
    }

    @Test
    void partnerRowsSumTheirCustomersAndItselfGivesOnlyThem() {
        List<Row> all = usage.rows("direct_partners", START, END, false);
        List<Row> itself = usage.rows("itself", START, END, false);
        assertTrue(itself.stream().allMatch(r -> r.tenant().id().equals(ROOT)));
        assertEquals(7, itself.size()); // local storage x 2 infrastructures, archive, workstations, servers, compute, users
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
            long storageRows = rowsOf(all, i).stream().filter(r -> r.item() == SandboxUsage.LOCAL_STORAGE).count();
            assertEquals(i % 4 == 0 ? 2 : 1, storageRows, "customer " + i);
        }
    }

    private static Row computePoints(List<Row> rows) {
        return rows.stream().filter(r -> r.item() == SandboxUsage.COMPUTE_POINTS).findFirst().orElseThrow();
    }

    private List<Row> rowsOf(List<Row> rows, int customer) {
        String id = usage.customers().get(customer).id();
        return rows.stream().filter(r -> r.tenant().id().equals(id)).toList();
    }
}
