package dev.reportgateway.acronis.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One item of {@code GET /reports/{report_id}/stored}: a generated file of one format. {@code created_at} is
 * RFC 3339 text, {@code status} is {@code in_progress}, {@code saved} or {@code failed}, {@code size} the
 * compressed size in bytes (absent until saved).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record StoredReport(
        String id,
        String reportFormat,
        Long size,
        String createdAt,
        String status) {
}
