package dev.reportgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.reportgateway.acronis.SandboxConfig;
import dev.reportgateway.sandbox.SandboxOfferingItems.OfferingItem;

/**
 * Deterministic synthetic usage of a small partner tree, the content of every stored report, and the offering
 * items every tenant of the tree is served.
 *
 * <p>The tree (in report order): the sandbox partner ({@code acronis.sandbox.tenant-id}, kind {@code partner},
 * "Sandbox Partner") with 14 direct customers, the sub-partner "Northwind Reseller" (kind {@code partner}) with
 * 6 customers and the folder "Internal Projects" (kind {@code folder}) with 2 customers: 22 customers in all.
 * Every tenant but the root has the fixed id {@code UUID.nameUUIDFromBytes("acronis-sandbox/tenant/" + name)},
 * whatever the root is; some names carry a comma, a quote, a {@code <} or a non-ASCII letter.
 *
 * <p>Offering items (name, edition, unit, rows): {@code local_storage} (no edition, bytes, one row per storage
 * infrastructure: "acronis" for every customer, "azure" as well for customers 0, 4, 8, 12, 16, 20);
 * {@code pw_base_backup_archive} ({@code pck_per_workload}, bytes, no infrastructure);
 * {@code pw_base_workstations} and {@code pw_base_servers} ({@code pck_per_workload}, quantity); the Disaster
 * Recovery {@code pw_base_adv_dr_compute_points} ({@code pck_per_workload}, usage name {@code compute_points},
 * seconds, one row on the DR infrastructure); all of application Cyber Protection. And {@code fss_base_users}
 * ({@code fss_per_user}, quantity) of application File Sync &amp; Share. Infrastructure ids are
 * {@code UUID.nameUUIDFromBytes("acronis-sandbox/infra/" + x)} for x = {@code acronis}, {@code azure},
 * {@code disaster-recovery}, all owned by the root. Every tenant is served the same offering items
 * ({@link #offeringItems}): one per item and infrastructure ({@code local_storage} twice), type {@code infra} for
 * {@code local_storage} and the compute points, {@code count} for the others, status 1, plus the feature
 * {@code pw_base_dr_base} ({@code pck_per_workload}, {@code n/a}), which has no usage rows.
 *
 * <p>Measures: {@code delta} is the use within the period; for compute points (time-measured) {@code absolute}
 * is the running total since the tenant began, {@value #SINCE}, as if every whole month before the period used
 * what the period uses: {@code absolute = delta × (1 + months from 2020-01 to the period's start month)}, e.g.
 * 82 × 5400 s = 442800 s for customer 0 in October 2026 (0 months for a period before 2020); for the
 * other items {@code absolute} is what is in use at the period's end and {@code delta} a tenth of it (servers:
 * 0). {@code effective} equals {@code absolute}.
 *
 * <p>Values are derived from (tenant, item, infrastructure, period), except these fixed ones, the same for every
 * period: customer 0 "Alpha, Beta &amp; Co" stores exactly 10 GiB of {@code local_storage} on "acronis" and
 * 2.5 GiB on "azure" (12.50 GiB), 3 GiB of {@code pw_base_backup_archive}, and uses 5400 s of compute points in
 * the period (delta); customer 1 uses 5418 s, customer 2 17 s, customer 3 18 s. Zero rows: servers of customers
 * 3, 8, 13, 18; compute points of every customer from 4 on whose index is not a multiple of 3; File Sync &amp;
 * Share users of every customer of even index; every row of "Dormant Co" (customer 10). Customer 18 "Acme Trial"
 * is all trial. The partner, sub-partner and folder each get one row per (item, infrastructure) summing the
 * customers below them.
 *
 * <p>Levels: {@code itself} gives the sandbox partner's rows only; every other level gives the whole tree.
 * The report kind does not change the rows (every kind is summarised over its period).
 */
@ApplicationScoped
public class SandboxUsage {

    /** The platform's Cyber Protection application id. */
    static final String CYBER_PROTECTION = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";
    /** The sandbox's own id for File Sync &amp; Share (the platform's is not in the reference). */
    static final String FILE_SYNC_SHARE = fixedId("application/file-sync-share");
    static final long GIB = 1024L * 1024 * 1024;
    /** When every tenant of the tree began: compute points' running totals count from here. */
    static final String SINCE = "2020-01-01";

    static final Item LOCAL_STORAGE = new Item("local_storage", CYBER_PROTECTION, null, "local_storage", "infra",
            "bytes", "SK-LOCAL-STORAGE");
    static final Item BACKUP_ARCHIVE = new Item("pw_base_backup_archive", CYBER_PROTECTION, "pck_per_workload",
            "backup_archive", "count", "bytes", "SK-PW-BACKUP-ARCHIVE");
    static final Item WORKSTATIONS = new Item("pw_base_workstations", CYBER_PROTECTION, "pck_per_workload",
            "workstations", "count", "quantity", "SK-PW-WORKSTATIONS");
    static final Item SERVERS = new Item("pw_base_servers", CYBER_PROTECTION, "pck_per_workload", "servers", "count",
            "quantity", "SK-PW-SERVERS");
    static final Item COMPUTE_POINTS = new Item("pw_base_adv_dr_compute_points", CYBER_PROTECTION,
            "pck_per_workload", "compute_points", "infra", "seconds", "SK-PW-ADV-DR-COMPUTE-POINTS");
    static final Item FSS_USERS = new Item("fss_base_users", FILE_SYNC_SHARE, "fss_per_user", "fss_users", "count",
            "quantity", "SK-FSS-USERS");
    /** A feature: in the catalog, never in a report. */
    static final Item DR_BASE = new Item("pw_base_dr_base", CYBER_PROTECTION, "pck_per_workload", "dr_base",
            "feature", "n/a", "SK-PW-DR-BASE");

    /** The items with usage rows, in report order. */
    private static final List<Item> REPORTED = List.of(LOCAL_STORAGE, BACKUP_ARCHIVE, WORKSTATIONS, SERVERS,
            COMPUTE_POINTS, FSS_USERS);
    /** Every item a tenant is served, in catalog order. */
    private static final List<Item> CATALOG = List.of(LOCAL_STORAGE, BACKUP_ARCHIVE, WORKSTATIONS, SERVERS,
            COMPUTE_POINTS, DR_BASE, FSS_USERS);

    private static final String[] DIRECT_CUSTOMERS = {
        "Alpha, Beta & Co", "\"Quoted\" Widgets Ltd", "Contoso Ltd", "Fabrikam Inc", "Müller Maschinenbau GmbH",
        "O'Brien Data Services", "<Tag> & Sons", "Globex Corporation", "Initech", "Umbrella Health", "Dormant Co",
        "Hooli", "Vandelay Industries", "Wayne Enterprises"};
    private static final String[] RESELLER_CUSTOMERS = {
        "Stark Logistics", "Tyrell Systems", "Cyberdyne, Inc.", "Soylent Foods", "Acme Trial", "Oscorp Labs"};
    private static final String[] FOLDER_CUSTOMERS = {"Sirius Cybernetics", "Aperture Science"};
    private static final int DORMANT = 10;
    private static final int TRIAL = 18;

    private final Tenant root;
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<Tenant> customers = new ArrayList<>();
    private final Infra acronis;
    private final Infra azure;
    private final Infra disasterRecovery;

    @Inject
    SandboxUsage(SandboxConfig config) {
        this(config.tenantId());
    }

    SandboxUsage(String rootTenantId) {
        root = new Tenant(rootTenantId, "Sandbox Partner", "partner", null);
        acronis = new Infra(fixedId("infra/acronis"), "acronis", rootTenantId);
        azure = new Infra(fixedId("infra/azure"), "azure", rootTenantId);
        disasterRecovery = new Infra(fixedId("infra/disaster-recovery"), "acronis", rootTenantId);
        Tenant reseller = child("Northwind Reseller", "partner", root);
        Tenant folder = child("Internal Projects", "folder", root);
        tenants.add(root);
        addCustomers(DIRECT_CUSTOMERS, root);
        tenants.add(reseller);
        addCustomers(RESELLER_CUSTOMERS, reseller);
        tenants.add(folder);
        addCustomers(FOLDER_CUSTOMERS, folder);
    }

    /** Every tenant of the tree, parents before their children. */
    List<Tenant> tenants() {
        return List.copyOf(tenants);
    }

    /** The customers in index order (the index the class comment refers to). */
    List<Tenant> customers() {
        return List.copyOf(customers);
    }

    Optional<Tenant> tenant(String tenantId) {
        return tenants.stream().filter(tenant -> tenant.id().equals(tenantId)).findFirst();
    }

    /** The report rows of {@code level} over {@code start..end}, zero rows dropped when {@code hideZeroUsage}. */
    List<Row> rows(String level, LocalDate start, LocalDate end, boolean hideZeroUsage) {
        Map<String, List<Row>> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            byTenant.put(customers.get(i).id(), customerRows(i, start, end));
        }
        List<Row> rows = new ArrayList<>();
        for (Tenant tenant : tenants) {
            if ("itself".equals(level) && tenant != root) {
                continue;
            }
            List<Row> own = "customer".equals(tenant.kind()) ? byTenant.get(tenant.id()) : aggregate(tenant, byTenant);
            own.stream().filter(row -> !hideZeroUsage || !row.zero()).forEach(rows::add);
        }
        return rows;
    }

    /** The offering items {@code tenantId} is served: every item, one entry per infrastructure of infra items. */
    List<OfferingItem> offeringItems(String tenantId) {
        List<OfferingItem> items = new ArrayList<>();
        for (Item item : CATALOG) {
            for (Infra infra : infras(item)) {
                items.add(new OfferingItem(item.applicationId(), item.name(), item.edition(), item.usageName(),
                        tenantId, item.type(), infra == null ? null : infra.id(), item.unit(), 1));
            }
        }
        return items;
    }

    private List<Row> customerRows(int index, LocalDate start, LocalDate end) {
        Tenant customer = customers.get(index);
        boolean dormant = index == DORMANT;
        List<Row> rows = new ArrayList<>();
        long storage = index == 0 ? 10 * GIB
                : dormant ? 0 : 1 + value(customer, LOCAL_STORAGE, acronis, start, end, 500 * GIB);
        rows.add(row(index, LOCAL_STORAGE, acronis, storage, storage / 10));
        if (index % 4 == 0) {
            long second = index == 0 ? 5 * GIB / 2 : 1 + value(customer, LOCAL_STORAGE, azure, start, end, 200 * GIB);
            rows.add(row(index, LOCAL_STORAGE, azure, second, second / 10));
        }
        long archive = index == 0 ? 3 * GIB : dormant ? 0 : 1 + value(customer, BACKUP_ARCHIVE, null, start, end, 50 * GIB);
        rows.add(row(index, BACKUP_ARCHIVE, null, archive, archive / 10));
        long workstations = dormant ? 0 : 1 + value(customer, WORKSTATIONS, null, start, end, 40);
        rows.add(row(index, WORKSTATIONS, null, workstations, workstations / 10));
        long servers = dormant || index % 5 == 3 ? 0 : 1 + value(customer, SERVERS, null, start, end, 8);
        rows.add(row(index, SERVERS, null, servers, 0));
        long seconds = switch (index) {
            case 0 -> 5400;
            case 1 -> 5418;
            case 2 -> 17;
            case 3 -> 18;
            default -> index % 3 == 0 ? 1 + value(customer, COMPUTE_POINTS, disasterRecovery, start, end, 100_000) : 0;
        };
        rows.add(row(index, COMPUTE_POINTS, disasterRecovery, seconds * (1 + monthsSince(start)), seconds));
        long users = dormant || index % 2 == 0 ? 0 : 1 + value(customer, FSS_USERS, null, start, end, 25);
        rows.add(row(index, FSS_USERS, null, users, users / 10));
        return rows;
    }

    /** Whole months from {@link #SINCE} to the month of {@code start}; 0 for a period before it. */
    private static long monthsSince(LocalDate start) {
        return Math.max(0, ChronoUnit.MONTHS.between(LocalDate.parse(SINCE), start.withDayOfMonth(1)));
    }

    /** A customer row; {@code effective} equals {@code absolute}. */
    private Row row(int index, Item item, Infra infra, long absolute, long delta) {
        boolean trial = index == TRIAL;
        return new Row(customers.get(index), item, infra, usage(absolute, trial), usage(delta, trial),
                usage(absolute, trial));
    }

    private static Usage usage(long total, boolean trial) {
        return trial ? new Usage(0, total, total) : new Usage(total, total, 0);
    }

    /** The infrastructures an item's usage is on: a list holding only null when it has none. */
    private List<Infra> infras(Item item) {
        if (item == LOCAL_STORAGE) {
            return List.of(acronis, azure);
        }
        return Collections.singletonList(item == COMPUTE_POINTS ? disasterRecovery : null);
    }

    /** One row per (item, infrastructure) that occurs below {@code tenant}, summing its customers' rows. */
    private List<Row> aggregate(Tenant tenant, Map<String, List<Row>> byTenant) {
        Map<String, Row> sums = new LinkedHashMap<>();
        for (Item item : REPORTED) {
            for (Infra infra : infras(item)) {
                for (Tenant customer : customers) {
                    if (!isBelow(customer, tenant)) {
                        continue;
                    }
                    for (Row row : byTenant.get(customer.id())) {
                        if (row.item() == item && row.infra() == infra) {
                            String key = item.name() + "/" + (infra == null ? "" : infra.id());
                            Row sum = sums.get(key);
                            sums.put(key, sum == null
                                    ? new Row(tenant, item, infra, row.absolute(), row.delta(), row.effective())
                                    : new Row(tenant, item, infra, sum.absolute().plus(row.absolute()),
                                            sum.delta().plus(row.delta()), sum.effective().plus(row.effective())));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(sums.values());
    }

    private boolean isBelow(Tenant tenant, Tenant ancestor) {
        for (Tenant t = tenant; t != null; t = t.parentId() == null ? null : tenant(t.parentId()).orElse(null)) {
            if (t == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A value in {@code [0, bound)} fixed by (tenant, item, infrastructure, period). */
    private static long value(Tenant tenant, Item item, Infra infra, LocalDate start, LocalDate end, long bound) {
        String key = String.join("|", tenant.id(), item.name(), infra == null ? "" : infra.id(), start.toString(),
                end.toString());
        long bits = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return Math.floorMod(bits, bound);
    }

    private void addCustomers(String[] names, Tenant parent) {
        for (String name : names) {
            Tenant customer = child(name, "customer", parent);
            tenants.add(customer);
            customers.add(customer);
        }
    }

    private static Tenant child(String name, String kind, Tenant parent) {
        return new Tenant(fixedId("tenant/" + name), name, kind, parent.id());
    }

    private static String fixedId(String name) {
        return UUID.nameUUIDFromBytes(("acronis-sandbox/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A tenant of the tree; {@code parentId} is null for the sandbox partner. */
    record Tenant(String id, String name, String kind, String parentId) {
    }

    /**
     * An offering item: name, application, edition (null for none), the usage it counts, type ({@code infra},
     * {@code count} or {@code feature}), measurement unit and SKU.
     */
    record Item(String name, String applicationId, String edition, String usageName, String type, String unit,
            String sku) {
    }

    /** An infrastructure usage is on (a storage location, the Disaster Recovery site). */
    record Infra(String id, String backendType, String ownerId) {
    }

    /** One usage triple as the platform reports it. */
    record Usage(long production, long total, long trial) {

        Usage plus(Usage other) {
            return new Usage(production + other.production, total + other.total, trial + other.trial);
        }

        boolean zero() {
            return production == 0 && total == 0 && trial == 0;
        }
    }

    /** One report row: tenant × offering item × infrastructure ({@code infra} null when the item has none). */
    record Row(Tenant tenant, Item item, Infra infra, Usage absolute, Usage delta, Usage effective) {

        boolean zero() {
            return absolute.zero() && delta.zero() && effective.zero();
        }
    }
}
