package dev.reportgateway.usage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Units from the platform's offering items, for one report: an item is looked up by name and edition among the
 * items of the report's own tenant first (one list for the whole report, usually), then among those of the row's
 * tenant. Where the edition does not match but every item of that name has the same unit, that unit is used.
 * Each tenant's list is asked for once per catalog; the supplier may cache across reports.
 */
public final class OfferingItemsCatalog implements UnitCatalog {

    /** An offering item as the catalog needs it; {@code edition}, {@code measurementUnit}, {@code usageName} may be null. */
    public record Offered(String name, String edition, String measurementUnit, String usageName) {
    }

    private final Supplier<String> reportTenantId;
    private final Function<String, List<Offered>> itemsOfTenant;
    private final Map<String, List<Offered>> asked = new HashMap<>();
    private String reportTenant;

    /**
     * @param reportTenantId the tenant the report was made for, asked only when a row needs a unit
     * @param itemsOfTenant a tenant's offering items (an empty list for a tenant the platform does not know)
     */
    public OfferingItemsCatalog(Supplier<String> reportTenantId, Function<String, List<Offered>> itemsOfTenant) {
        this.reportTenantId = reportTenantId;
        this.itemsOfTenant = itemsOfTenant;
    }

    @Override
    public Optional<ItemFacts> find(String tenantId, String offeringItem, String edition) {
        if (reportTenant == null) {
            reportTenant = reportTenantId.get();
        }
        Optional<ItemFacts> found = match(items(reportTenant), offeringItem, edition);
        if (found.isPresent() || tenantId.equalsIgnoreCase(reportTenant)) {
            return found;
        }
        return match(items(tenantId), offeringItem, edition);
    }

    private List<Offered> items(String tenantId) {
        return asked.computeIfAbsent(tenantId.toLowerCase(Locale.ROOT), itemsOfTenant);
    }

    private static Optional<ItemFacts> match(List<Offered> items, String name, String edition) {
        List<Offered> named = items.stream().filter(item -> name.equals(item.name()) && item.measurementUnit() != null).toList();
        Optional<Offered> exact = named.stream().filter(item -> Objects.equals(edition, item.edition())).findFirst();
        if (exact.isPresent()) {
            return exact.map(OfferingItemsCatalog::facts);
        }
        boolean oneUnit = !named.isEmpty() && named.stream().map(Offered::measurementUnit).distinct().count() == 1;
        return oneUnit ? Optional.of(facts(named.get(0))) : Optional.empty();
    }

    private static ItemFacts facts(Offered item) {
        return new ItemFacts(item.measurementUnit(), item.usageName());
    }
}
