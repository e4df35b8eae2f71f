package dev.reportgateway.usage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A row's usage in billing units ({@code GiB}, {@code points}, or the reported unit unchanged). */
@RegisterForReflection
public record ConvertedUsage(String unit, UsageValues absolute, UsageValues delta, UsageValues effective) {
}
