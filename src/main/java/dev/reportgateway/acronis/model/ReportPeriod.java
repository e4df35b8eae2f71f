package dev.reportgateway.acronis.model;

/** A report period: both ends {@code YYYY-MM-DD}, inclusive. */
public record ReportPeriod(String start, String end) {
}
