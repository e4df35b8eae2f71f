package dev.reportgateway.store;

import java.math.BigDecimal;

/**
 * One row of {@code billing_usage_row}: the columns a query filters or adds up, and the whole usage row as JSON.
 */
public record UsageRowRecord(long rowNo, String tenantId, String tenantName, String tenantKind, String offeringItem,
        String sku, BigDecimal billableQuantity, String billableUnit, String json) {
}
