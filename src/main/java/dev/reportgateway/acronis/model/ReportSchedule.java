package dev.reportgateway.acronis.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code schedule} object: {@code type} is {@code once} or {@code monthly}. */
@RegisterForReflection
public record ReportSchedule(String type, Boolean enabled) {
}
