package dev.reportgateway.acronis.model;

/** The {@code schedule} object: {@code type} is {@code once} or {@code monthly}. */
public record ReportSchedule(String type, Boolean enabled) {
}
