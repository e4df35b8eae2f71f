package dev.reportgateway.acronis.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code parameters} object of a report: whose usage, at which level, of which kind, in which formats. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record ReportParameters(
        String tenantId,
        String level,
        String kind,
        List<String> formats,
        ReportPeriod period,
        Boolean hideZeroUsage,
        Boolean showSkus) {

    public ReportParameters withTenantId(String newTenantId) {
        return new ReportParameters(newTenantId, level, kind, formats, period, hideZeroUsage, showSkus);
    }
}
