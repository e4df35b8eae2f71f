package dev.reportgateway.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.reportgateway.store.CustomerStore;
import dev.reportgateway.store.UsageRowStore.BillableTotal;

/**
 * Prices billable quantities with a price list. Per customer and item: the SKU's price if the list has one, else the
 * offering item's, in the customer's currency (or the only currency the item is priced in); {@code charged =
 * max(0, quantity − included)}; {@code amount = charged × unit price}, rounded once to the currency's minor unit;
 * at least the minimum charge when the charged quantity is above zero (usage within the included quantity costs nothing). Subtotals and totals add rounded amounts. What cannot
 * be priced is listed with its reason, never left out. Pure arithmetic on {@link BigDecimal}: no float anywhere.
 */
final class InvoiceCalculator {

    /** Customers, then the totals and unpriced items over all of them. */
    record Priced(List<Invoice.Customer> customers, List<Invoice.Amount> totals, List<Invoice.Unpriced> unpriced) {
    }

    private record Choice(PriceItem price, String reason) {
    }

    private record ItemKey(String offeringItem, String sku, String unit, String reason) {
    }

    private static final Comparator<BillableTotal> ITEM_ORDER = Comparator
            .comparing(BillableTotal::offeringItem, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(BillableTotal::sku, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(BillableTotal::unit, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<Invoice.Customer> CUSTOMER_ORDER = Comparator
            .comparing(Invoice.Customer::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Invoice.Customer::tenantId);

    private final List<PriceItem> prices;
    private final RoundingMode rounding;
    private final boolean includeZero;

    InvoiceCalculator(List<PriceItem> prices, RoundingMode rounding, boolean includeZero) {
        this.prices = prices;
        this.rounding = rounding;
        this.includeZero = includeZero;
    }

    /** Prices {@code totals} (any order) for the customers they name; {@code mapping} by lower-case tenant id. */
    Priced price(List<BillableTotal> totals, Map<String, CustomerStore.Customer> mapping) {
        Map<String, List<BillableTotal>> byTenant = new LinkedHashMap<>();
        totals.forEach(total -> byTenant.computeIfAbsent(total.tenantId(), tenant -> new ArrayList<>()).add(total));
        List<Invoice.Customer> customers = new ArrayList<>();
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<ItemKey, Invoice.Unpriced> unpriced = new TreeMap<>(Comparator
                .comparing(ItemKey::offeringItem, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ItemKey::sku, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ItemKey::unit, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ItemKey::reason));
        byTenant.forEach((tenant, items) -> {
            Invoice.Customer customer = customer(tenant, items, mapping.get(tenant.toLowerCase(java.util.Locale.ROOT)));
            if (customer == null) {
                return;
            }
            customers.add(customer);
            customer.subtotals().forEach(subtotal -> sums.merge(subtotal.currency(), subtotal.amount(), BigDecimal::add));
            customer.unpriced().forEach(item -> unpriced.merge(new ItemKey(item.offeringItem(), item.sku(), item.unit(), item.reason()),
                    new Invoice.Unpriced(item.offeringItem(), item.sku(), item.quantity(), item.unit(), item.reason(), 1),
                    (a, b) -> new Invoice.Unpriced(a.offeringItem(), a.sku(), a.quantity().add(b.quantity()), a.unit(), a.reason(),
                            a.customers() + b.customers())));
        });
        customers.sort(CUSTOMER_ORDER);
        return new Priced(customers, amounts(sums), List.copyOf(unpriced.values()));
    }

    /** One customer's invoice; null when it has nothing to show (no line, nothing unpriced) and zero lines are left out. */
    private Invoice.Customer customer(String tenant, List<BillableTotal> items, CustomerStore.Customer mapped) {
        String currency = mapped == null ? null : mapped.currency();
        List<Invoice.Line> lines = new ArrayList<>();
        List<Invoice.Unpriced> unpriced = new ArrayList<>();
        Map<String, BigDecimal> subtotals = new TreeMap<>();
        items.stream().sorted(ITEM_ORDER).forEach(item -> {
            BigDecimal quantity = item.quantity() == null ? BigDecimal.ZERO : Decimals.normalized(item.quantity());
            Choice choice = choose(item, currency);
            if (choice.price() == null) {
                if (quantity.signum() != 0) {
                    unpriced.add(new Invoice.Unpriced(item.offeringItem(), item.sku(), quantity, item.unit(), choice.reason(), null));
                }
                return;
            }
            Invoice.Line line = line(item, quantity, choice.price());
            if (line.amount().signum() != 0 || includeZero) {
                lines.add(line);
                subtotals.merge(line.currency(), line.amount(), BigDecimal::add);
            }
        });
        if (lines.isEmpty() && unpriced.isEmpty() && !includeZero) {
            return null;
        }
        String name = mapped != null && mapped.name() != null ? mapped.name()
                : items.stream().map(BillableTotal::tenantName).filter(Objects::nonNull).findFirst().orElse(null);
        return new Invoice.Customer(tenant, mapped == null ? null : mapped.externalId(), name, currency, lines,
                amounts(subtotals), unpriced);
    }

    private Invoice.Line line(BillableTotal item, BigDecimal quantity, PriceItem price) {
        BigDecimal included = price.includedQuantity() == null ? BigDecimal.ZERO : price.includedQuantity();
        BigDecimal charged = quantity.subtract(included).max(BigDecimal.ZERO);
        int digits = Currencies.minorDigits(price.currency());
        BigDecimal amount = charged.multiply(price.unitPrice()).setScale(digits, rounding);
        boolean minimum = price.minimumCharge() != null && charged.signum() > 0 && amount.compareTo(price.minimumCharge()) < 0;
        if (minimum) {
            amount = price.minimumCharge().setScale(digits, rounding);
        }
        return new Invoice.Line(item.offeringItem(), item.sku(),
                price.description() != null ? price.description() : item.offeringItem(),
                quantity, item.unit(), Decimals.normalized(included), Decimals.normalized(charged), price.unitPrice(), amount,
                price.currency(), minimum ? Boolean.TRUE : null);
    }

    /** The SKU's price, else the offering item's, in {@code currency} (null: the one currency it is priced in). */
    private Choice choose(BillableTotal item, String currency) {
        Choice bySku = item.sku() == null ? null : among(price -> item.sku().equals(price.sku())
                && (price.offeringItem() == null || price.offeringItem().equals(item.offeringItem())), item, currency);
        if (bySku != null && bySku.price() != null) {
            return bySku;
        }
        Choice byItem = among(price -> price.sku() == null && price.offeringItem().equals(item.offeringItem()), item, currency);
        if (byItem != null && byItem.price() != null) {
            return byItem;
        }
        Choice failed = bySku != null ? bySku : byItem;
        return failed != null ? failed : new Choice(null, "no price for this offering item or SKU");
    }

    /** The one price among those {@code matching} the item (null when none match), or why there is none. */
    private Choice among(Predicate<PriceItem> matching, BillableTotal item, String currency) {
        List<PriceItem> matched = prices.stream().filter(matching).toList();
        if (matched.isEmpty()) {
            return null;
        }
        List<PriceItem> usable = currency == null ? matched : matched.stream().filter(price -> price.currency().equals(currency)).toList();
        if (usable.isEmpty()) {
            return new Choice(null, "no price in " + currency + ", the customer's currency");
        }
        if (usable.size() > 1) {
            return new Choice(null, "priced in " + String.join(", ", usable.stream().map(PriceItem::currency).sorted().toList())
                    + ": map the customer to one currency (PUT /billing/customers)");
        }
        PriceItem price = usable.get(0);
        if (item.unit() == null) {
            return new Choice(null, "the report gives no billing unit for this item, so its quantity cannot be priced per " + price.unit());
        }
        if (!price.unit().equals(item.unit())) {
            return new Choice(null, "priced per " + price.unit() + ", but billed in " + item.unit());
        }
        return new Choice(price, null);
    }

    private static List<Invoice.Amount> amounts(Map<String, BigDecimal> byCurrency) {
        return byCurrency.entrySet().stream().map(entry -> new Invoice.Amount(entry.getKey(), entry.getValue())).toList();
    }
}
