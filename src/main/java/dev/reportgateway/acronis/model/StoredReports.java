package dev.reportgateway.acronis.model;

import java.util.List;

/** Answer of {@code GET /reports/{report_id}/stored} (the platform's {@code storedReportParams}). */
public record StoredReports(List<StoredReport> items) {
}
