package dev.reportgateway.acronis.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A report as the platform returns it (the platform's {@code report}). Every field may be absent in
 * practice, so all are nullable; {@code version} is what {@code DELETE} needs.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record Report(
        String id,
        Long version,
        String resultAction,
        List<String> recipients,
        ReportParameters parameters,
        ReportSchedule schedule,
        String generationDate) {
}
