package dev.reportgateway.acronis.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A report period: both ends {@code YYYY-MM-DD}, inclusive. */
@RegisterForReflection
public record ReportPeriod(String start, String end) {
}
