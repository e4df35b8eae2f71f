package dev.reportgateway.usage;

/** A row's usage in billing units ({@code GiB}, {@code points}, or the reported unit unchanged). */
public record ConvertedUsage(String unit, UsageValues absolute, UsageValues delta, UsageValues effective) {
}
