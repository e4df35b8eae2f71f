package dev.reportgateway.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.reportgateway.store.UsageRowStore.BillableTotal;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A done run's billable quantities per customer and offering item (summed over SKUs and infrastructures by the
 * database), and per item over all customers: compact enough for a page of thousands of customers. Decimals are
 * plain strings, exact.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record RunCustomers(String runId, List<Item> items, List<Customer> customers) {

    /** An offering item: its billing unit, its total, and how many customers used it (quantity above zero). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Item(String offeringItem, String unit, String quantity, int customers) {
    }

    /** A customer and its quantity of each item it has rows of, by offering item. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Customer(String tenantId, String name, Map<String, String> quantities) {
    }

    /**
     * Adds up {@code totals} (tenant × item × SKU × unit) per tenant and item. An item billed in two units (it should
     * not be) is kept apart as {@code item (unit)} rather than adding unlike quantities.
     */
    static RunCustomers of(String runId, List<BillableTotal> totals) {
        Map<String, String> units = new TreeMap<>();
        Map<String, BigDecimal> itemSums = new TreeMap<>();
        Map<String, Integer> itemUsers = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> perTenant = new LinkedHashMap<>();
        for (BillableTotal total : totals) {
            String unit = total.unit();
            String key = total.offeringItem() == null ? "(none)" : total.offeringItem();
            String known = units.putIfAbsent(key, unit == null ? "" : unit);
            if (known != null && !known.equals(unit == null ? "" : unit)) {
                key = key + " (" + unit + ")";
                units.putIfAbsent(key, unit == null ? "" : unit);
            }
            BigDecimal quantity = total.quantity() == null ? BigDecimal.ZERO : total.quantity();
            names.merge(total.tenantId(), total.tenantName() == null ? "" : total.tenantName(), (a, b) -> a.isEmpty() ? b : a);
            perTenant.computeIfAbsent(total.tenantId(), tenant -> new TreeMap<>()).merge(key, quantity, BigDecimal::add);
        }
        List<Customer> customers = new ArrayList<>();
        perTenant.forEach((tenant, quantities) -> {
            Map<String, String> plain = new TreeMap<>();
            quantities.forEach((item, quantity) -> {
                plain.put(item, plain(quantity));
                itemSums.merge(item, quantity, BigDecimal::add);
                itemUsers.merge(item, quantity.signum() > 0 ? 1 : 0, Integer::sum);
            });
            customers.add(new Customer(tenant, names.get(tenant), plain));
        });
        customers.sort(Comparator.comparing(Customer::name).thenComparing(Customer::tenantId));
        List<Item> items = itemSums.entrySet().stream().map(entry -> new Item(entry.getKey(),
                units.get(entry.getKey()).isEmpty() ? null : units.get(entry.getKey()), plain(entry.getValue()),
                itemUsers.get(entry.getKey()))).toList();
        return new RunCustomers(runId, items, customers);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
