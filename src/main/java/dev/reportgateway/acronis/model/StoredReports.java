package dev.reportgateway.acronis.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of {@code GET /reports/{report_id}/stored} (the platform's {@code storedReportParams}). */
@RegisterForReflection
public record StoredReports(List<StoredReport> items) {
}
