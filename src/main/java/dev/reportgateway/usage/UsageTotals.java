package dev.reportgateway.usage;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Adds up billed rows' rounded converted values and billable quantities as they stream by: per tenant × offering
 * item (all its infrastructure rows) and per offering item over the tenants of kind {@code customer} only
 * (partners' and folders' rows aggregate their subtree and would count twice; the item totals name the kinds
 * they summed). Memory grows with the number of distinct tenant × item pairs, not with the number of rows.
 * Not thread-safe.
 */
public final class UsageTotals implements Consumer<UsageRow> {

    /** One tenant's total for one offering item, in billing units. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record TenantItemTotal(String tenantId, String tenantName, String tenantKind, String offeringItem,
            String unit, UsageValues absolute, UsageValues delta, UsageValues effective, BillableQuantity billable) {
    }

    /** One offering item's total over the customers that use it, in billing units. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record ItemTotal(String offeringItem, String unit, List<String> tenantKinds, int customers,
            UsageValues absolute, UsageValues delta, UsageValues effective, BillableQuantity billable) {
    }

    /** The tenant kinds the per-item totals sum. */
    private static final List<String> SUMMED_KINDS = List.of(BillingRules.CUSTOMER_KIND);

    private record Key(String tenantId, String offeringItem, String unit) {
    }

    private static final Comparator<TenantItemTotal> TENANT_ORDER = Comparator
            .comparing(TenantItemTotal::tenantName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TenantItemTotal::tenantId)
            .thenComparing(TenantItemTotal::offeringItem)
            .thenComparing(TenantItemTotal::unit, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<Key, TenantItemTotal> totals = new HashMap<>();

    /** Adds one row. Rows of the same tenant and item in different billing units are kept apart. */
    @Override
    public void accept(UsageRow row) {
        ConvertedUsage converted = row.converted();
        Key key = new Key(row.tenantId(), row.offeringItem(), converted.unit());
        totals.merge(key,
                new TenantItemTotal(row.tenantId(), row.tenantName(), row.tenantKind(), row.offeringItem(),
                        converted.unit(), converted.absolute(), converted.delta(), converted.effective(), row.billable()),
                UsageTotals::sum);
    }

    /** Per tenant × offering item, sorted by tenant name (unnamed last), tenant id, item, unit. */
    public List<TenantItemTotal> tenantItems() {
        return totals.values().stream().sorted(TENANT_ORDER).toList();
    }

    /** Per offering item over tenants of kind {@code customer} only, sorted by item then unit (unknown first). */
    public List<ItemTotal> items() {
        Map<Key, ItemTotal> items = new TreeMap<>(Comparator
                .comparing(Key::offeringItem)
                .thenComparing(Key::unit, Comparator.nullsFirst(Comparator.naturalOrder())));
        totals.values().stream()
                .filter(total -> SUMMED_KINDS.contains(total.tenantKind()))
                .forEach(total -> items.merge(new Key(null, total.offeringItem(), total.unit()),
                        new ItemTotal(total.offeringItem(), total.unit(), SUMMED_KINDS, 1,
                                total.absolute(), total.delta(), total.effective(), total.billable()),
                        UsageTotals::sum));
        return List.copyOf(items.values());
    }

    private static TenantItemTotal sum(TenantItemTotal a, TenantItemTotal b) {
        return new TenantItemTotal(a.tenantId(), a.tenantName() != null ? a.tenantName() : b.tenantName(),
                a.tenantKind(), a.offeringItem(), a.unit(),
                a.absolute().plus(b.absolute()), a.delta().plus(b.delta()), a.effective().plus(b.effective()),
                a.billable().plus(b.billable()));
    }

    private static ItemTotal sum(ItemTotal a, ItemTotal b) {
        return new ItemTotal(a.offeringItem(), a.unit(), a.tenantKinds(), a.customers() + b.customers(),
                a.absolute().plus(b.absolute()), a.delta().plus(b.delta()), a.effective().plus(b.effective()),
                a.billable().plus(b.billable()));
    }
}
