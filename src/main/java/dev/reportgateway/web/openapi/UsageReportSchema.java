package dev.reportgateway.web.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.reportgateway.usage.UsageRow;
import dev.reportgateway.usage.UsageTotals;
import dev.reportgateway.usage.UsageWarning;

/**
 * Documentation only: the JSON that {@code GET /billing/.../usage} streams (written field by field by
 * {@code UsageResource}, so no class of its own exists at run time).
 */
@Schema(name = "UsageReport", description = "A stored report's usage rows and totals, in billing units.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UsageReportSchema(
        @Schema(required = true, description = "The report's id.", format = "uuid") String reportId,
        @Schema(required = true, description = "The stored report's id.", format = "uuid") String storedReportId,
        @Schema(required = true, description = "Format of the stored report read.",
                enumeration = { "csv_v2_0", "json_v2_0" }) String format,
        @Schema(description = "The tenant the rows were filtered to; present only with ?tenant_id=.", format = "uuid") String tenantId,
        @Schema(required = true, description = "What could not be billed with certainty (an offering item whose unit is "
                + "unknown, a tenant kind the platform does not document), once per subject with its row count; empty "
                + "when every row was billed as documented.") List<UsageWarning> warnings,
        @Schema(required = true) Totals totals,
        @Schema(required = true, description = "One row per tenant × offering item × infrastructure, in report order.") List<UsageRow> rows) {

    @Schema(name = "UsageTotals", description = "Sums of the rows' rounded converted values and billable quantities.")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Totals(
            @Schema(required = true, description = "Per tenant × offering item (all its infrastructure rows), sorted by tenant name.")
            List<UsageTotals.TenantItemTotal> tenantItems,
            @Schema(required = true, description = "Per offering item over the tenants of kind customer only.")
            List<UsageTotals.ItemTotal> items) {
    }
}
