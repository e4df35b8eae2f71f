package dev.reportgateway.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a row as reported into a billed row: its unit (from the report, else from the platform's offering items
 * through a {@link UnitCatalog}), its values in billing units ({@link BillingUnits}) and its billable quantity
 * ({@link BillingRules}). What it cannot know it does not guess: the row keeps its reported values and a
 * {@link UsageWarning} says so. Use one instance per pass over a report; not thread-safe.
 */
public final class UsageBilling {

    private record WarningKey(String type, String subject) {
    }

    /** How an offering item (as named by the report, and by the platform's usage name) is billed. */
    private record ItemRule(boolean computePoints, BillingRules.Measure measure) {
    }

    private record ItemKey(String offeringItem, String usageName) {
    }

    private final BillingRules rules;
    private final UnitCatalog catalog;
    private final Map<WarningKey, long[]> warnings = new LinkedHashMap<>();
    /** The rule of each item met so far: reports repeat a few dozen items over millions of rows. */
    private final Map<ItemKey, ItemRule> itemRules = new HashMap<>();

    public UsageBilling(BillingRules rules, UnitCatalog catalog) {
        this.rules = rules;
        this.catalog = catalog;
    }

    /** The row with its unit, converted values and billable quantity filled in. */
    public UsageRow bill(UsageRow row) {
        String unit = row.unit();
        String usageName = null;
        if (unit == null) {
            ItemFacts facts = catalog.find(row.tenantId(), row.offeringItem(), row.edition()).orElse(null);
            if (facts != null) {
                unit = facts.measurementUnit();
                usageName = facts.usageName();
            }
            if (unit == null) {
                count(UsageWarning.UNKNOWN_UNIT, row.edition() == null ? row.offeringItem()
                        : row.offeringItem() + " (edition " + row.edition() + ")");
            }
        }
        if (!BillingRules.KNOWN_TENANT_KINDS.contains(row.tenantKind())) {
            count(UsageWarning.UNKNOWN_TENANT_KIND, row.tenantKind());
        }
        ItemRule item = itemRules.computeIfAbsent(new ItemKey(row.offeringItem(), usageName), key -> new ItemRule(
                BillingRules.isComputePoints(key.offeringItem()) || BillingRules.isComputePoints(key.usageName()),
                rules.measure(key.offeringItem(), key.usageName())));
        ConvertedUsage converted = BillingUnits.convert(unit, item.computePoints(), row.absolute(), row.delta(), row.effective());
        BillingRules.Measure measure = item.measure();
        String column = BillingRules.column(row.tenantKind());
        UsageValues values = measure == BillingRules.Measure.DELTA ? converted.delta() : converted.absolute();
        BigDecimal quantity = "total".equals(column) ? values.total() : values.production();
        return new UsageRow(row.tenantId(), row.tenantName(), row.tenantKind(), row.offeringItem(), row.sku(),
                row.edition(), unit, row.infraId(), row.absolute(), row.delta(), row.effective(), converted,
                new BillableQuantity(quantity, converted.unit(), measure.label() + "." + column));
    }

    /** What could not be billed with certainty so far, in the order first met. */
    public List<UsageWarning> warnings() {
        List<UsageWarning> list = new ArrayList<>();
        warnings.forEach((key, rows) -> list.add(new UsageWarning(key.type(), key.subject(), rows[0], message(key))));
        return list;
    }

    private void count(String type, String subject) {
        warnings.computeIfAbsent(new WarningKey(type, subject), key -> new long[1])[0]++;
    }

    private static String message(WarningKey key) {
        if (UsageWarning.UNKNOWN_UNIT.equals(key.type())) {
            return "Offering item " + key.subject() + " has no measurement_unit in the report or in the tenant's "
                    + "offering items: its quantities are as reported, unconverted, with no unit";
        }
        return "Tenant kind '" + key.subject() + "' is not one of " + String.join(", ", BillingRules.KNOWN_TENANT_KINDS.stream().sorted().toList())
                + ": its rows are billed on production and summed in tenant_items only, not in items";
    }
}
