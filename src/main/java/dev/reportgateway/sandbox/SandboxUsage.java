package dev.reportgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/**
 * Deterministic synthetic usage of a small partner tree, the content of every stored report.
 *
 * <p>The tree (in report order): the sandbox partner ({@code acronis.sandbox.tenant-id}, kind {@code partner},
 * "Sandbox Partner") with 14 direct customers, the sub-partner "Northwind Reseller" (kind {@code partner}) with
 * 6 customers and the folder "Internal Projects" (kind {@code folder}) with 2 customers: 22 customers in all.
 * Every tenant but the root has the fixed id {@code UUID.nameUUIDFromBytes("acronis-sandbox/tenant/" + name)},
 * whatever the root is; some names carry a comma, a quote, a {@code <} or a non-ASCII letter.
 *
 * <p>Offering items (application Cyber Protection, edition {@code pay_as_you_go}): {@code pw_base_storage}
 * (bytes, one row per storage location: "acronis" for every customer, "azure" as well for customers 0, 4, 8, 12,
 * 16, 20), {@code pw_base_workstations} and {@code pw_base_servers} (quantity) and the Disaster Recovery
 * {@code compute_points} (seconds). Values are derived from (tenant, item, location, period), except these
 * fixed ones, the same for every period: customer 0 "Alpha, Beta &amp; Co" stores exactly 10 GiB on "acronis"
 * and 2.5 GiB on "azure" (12.50 GiB) and uses 5400 s of compute points; customer 1 uses 5418 s, customer 2
 * 17 s, customer 3 18 s. Zero rows: servers of customers 3, 8, 13, 18; compute points of every customer from 4
 * on whose index is not a multiple of 3; every row of "Dormant Co" (customer 10). Customer 18 "Acme Trial" is
 * all trial. The partner, sub-partner and folder each get one row per (item, location) summing the customers
 * below them.
 *
 * <p>Levels: {@code itself} gives the sandbox partner's rows only; every other level gives the whole tree.
 * The report kind does not change the rows (every kind is summarised over its period).
 */
@ApplicationScoped
public class SandboxUsage {

    static final String APPLICATION_ID = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb";
    static final String EDITION = "pay_as_you_go";
    static final long GIB = 1024L * 1024 * 1024;

    static final Item STORAGE = new Item("pw_base_storage", "bytes", "SK-PW-STORAGE");
    static final Item WORKSTATIONS = new Item("pw_base_workstations", "quantity", "SK-PW-WORKSTATIONS");
    static final Item SERVERS = new Item("pw_base_servers", "quantity", "SK-PW-SERVERS");
    static final Item COMPUTE_POINTS = new Item("compute_points", "seconds", "SK-DR-COMPUTE-POINTS");

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

    @Inject
    SandboxUsage(SandboxConfig config) {
        this(config.tenantId());
    }

    SandboxUsage(String rootTenantId) {
        root = new Tenant(rootTenantId, "Sandbox Partner", "partner", null);
        acronis = new Infra(fixedId("infra/acronis"), "acronis", rootTenantId);
        azure = new Infra(fixedId("infra/azure"), "azure", rootTenantId);
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

    private List<Row> customerRows(int index, LocalDate start, LocalDate end) {
        Tenant customer = customers.get(index);
        boolean dormant = index == DORMANT;
        List<Row> rows = new ArrayList<>();
        long storage = index == 0 ? 10 * GIB : dormant ? 0 : 1 + value(customer, STORAGE, acronis, start, end, 500 * GIB);
        rows.add(row(index, STORAGE, acronis, storage, storage / 10));
        if (index % 4 == 0) {
            long second = index == 0 ? 5 * GIB / 2 : 1 + value(customer, STORAGE, azure, start, end, 200 * GIB);
            rows.add(row(index, STORAGE, azure, second, second / 10));
        }
        long workstations = dormant ? 0 : 1 + value(customer, WORKSTATIONS, null, start, end, 40);
        rows.add(row(index, WORKSTATIONS, null, workstations, workstations / 10));
        long servers = dormant || index % 5 == 3 ? 0 : 1 + value(customer, SERVERS, null, start, end, 8);
        rows.add(row(index, SERVERS, null, servers, 0));
        long seconds = switch (index) {
            case 0 -> 5400;
            case 1 -> 5418;
            case 2 -> 17;
            case 3 -> 18;
            default -> index % 3 == 0 ? 1 + value(customer, COMPUTE_POINTS, null, start, end, 100_000) : 0;
        };
        rows.add(row(index, COMPUTE_POINTS, null, seconds, seconds));
        return rows;
    }

    /** A customer row: compute points are consumed within the period, so delta and effective equal absolute. */
    private Row row(int index, Item item, Infra infra, long absolute, long delta) {
        boolean trial = index == TRIAL;
        return new Row(customers.get(index), item, infra, usage(absolute, trial), usage(delta, trial),
                usage(absolute, trial));
    }

    private static Usage usage(long total, boolean trial) {
        return trial ? new Usage(0, total, total) : new Usage(total, total, 0);
    }

    /** One row per (item, location) that occurs below {@code tenant}, summing its customers' rows. */
    private List<Row> aggregate(Tenant tenant, Map<String, List<Row>> byTenant) {
        Map<String, Row> sums = new LinkedHashMap<>();
        for (Item item : List.of(STORAGE, WORKSTATIONS, SERVERS, COMPUTE_POINTS)) {
            for (Infra infra : item == STORAGE ? List.of(acronis, azure) : Collections.<Infra>singletonList(null)) {
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

    /** A value in {@code [0, bound)} fixed by (tenant, item, location, period). */
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

    /** An offering item: name, measurement unit and SKU. */
    record Item(String name, String unit, String sku) {
    }

    /** A storage location (infrastructure). */
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

    /** One report row: tenant × offering item × location ({@code infra} null when the item has none). */
    record Row(Tenant tenant, Item item, Infra infra, Usage absolute, Usage delta, Usage effective) {

        boolean zero() {
            return absolute.zero() && delta.zero() && effective.zero();
        }
    }
}
