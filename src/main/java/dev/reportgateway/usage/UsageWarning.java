package dev.reportgateway.usage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something in a report the gateway could not bill with certainty, once per kind and subject with the number of
 * rows it concerns: {@code unknown_unit} (an offering item whose unit neither the report nor the platform's
 * offering items give: its quantities are unconverted) or {@code unknown_tenant_kind} (a tenant kind other than
 * partner, folder, customer, unit: its rows are in the per-tenant totals only).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record UsageWarning(String type, String subject, long rows, String message) {

    public static final String UNKNOWN_UNIT = "unknown_unit";
    public static final String UNKNOWN_TENANT_KIND = "unknown_tenant_kind";
}
