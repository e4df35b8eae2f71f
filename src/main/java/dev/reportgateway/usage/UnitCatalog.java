package dev.reportgateway.usage;

import java.util.Optional;

/** Looks up an offering item's facts for a tenant, for reports that do not carry {@code measurement_unit}. */
@FunctionalInterface
public interface UnitCatalog {

    /** A catalog that knows nothing: every unit must then come from the report itself. */
    UnitCatalog NONE = (tenantId, offeringItem, edition) -> Optional.empty();

    /** The facts of {@code offeringItem} in {@code edition} (null when the report has none) as {@code tenantId} sees it. */
    Optional<ItemFacts> find(String tenantId, String offeringItem, String edition);
}
