package dev.reportgateway.usage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of a stored usage report: a tenant × offering item × infrastructure, as reported
 * ({@code unit} inferred from the item when the format omits it) and in billing units ({@code converted}).
 * {@code tenantName}, {@code sku}, {@code edition} and {@code infraId} may be null.
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
        ConvertedUsage converted) {
}
