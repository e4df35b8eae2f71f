package dev.reportgateway.acronis.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code PUT /reports/{report_id}} (the platform's {@code reportPut}); every field optional. Of
 * {@code parameters} only {@code level}, {@code kind}, {@code hide_zero_usage} and {@code show_skus} may be
 * set, of {@code schedule} only {@code enabled}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record ReportPut(
        List<String> recipients,
        ReportParameters parameters,
        ReportSchedule schedule) {
}
