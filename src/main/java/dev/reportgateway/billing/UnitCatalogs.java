package dev.reportgateway.billing;

import java.util.function.Supplier;

import dev.reportgateway.report.TenantOfferingItems;
import dev.reportgateway.usage.OfferingItemsCatalog;
import dev.reportgateway.usage.UnitCatalog;

/** Units of offering items from the platform, for reports that do not carry them. */
public final class UnitCatalogs {

    private UnitCatalogs() {
    }

    /**
     * The catalog of a report of {@code reportTenant} (asked only if a row needs it): that tenant's offering items
     * first, then the row's tenant's.
     */
    public static UnitCatalog forTenant(Supplier<String> reportTenant, TenantOfferingItems offeringItems) {
        return new OfferingItemsCatalog(reportTenant, tenant -> offeringItems.of(tenant).stream()
                .map(item -> new OfferingItemsCatalog.Offered(item.name(), item.edition(), item.measurementUnit(), item.usageName()))
                .toList());
    }
}
