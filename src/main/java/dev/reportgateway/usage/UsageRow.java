package dev.reportgateway.usage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of a stored usage report: a tenant × offering item × infrastructure, as reported, in billing units
 * ({@code converted}) and as billed ({@code billable}, see {@link BillingRules}). {@code unit} is the report's
 * {@code measurement_unit}, else the platform's unit of the offering item, else null (see {@link UsageBilling}).
 * {@code tenantName}, {@code sku}, {@code edition} and {@code infraId} may be null; {@code converted} and
 * {@code billable} are null only on a row not yet billed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record UsageRow(
        String tenantId,
        String tenantName,
        String tenantKind,
        String offeringItem,
        String sku,
        String edition,
        String unit,
        String infraId,
        UsageValues absolute,
        UsageValues delta,
        UsageValues effective,
        ConvertedUsage converted,
        BillableQuantity billable) {
}
