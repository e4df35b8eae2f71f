package dev.reportgateway.usage;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The stored-report formats that can be parsed into usage rows. {@code csv} and {@code html} are for people
 * (units already converted); the layout of {@code json_v1} is published nowhere, so the gateway does not guess it.
 * All three can still be downloaded.
 */
public enum UsageFormat {
    CSV_V2_0("csv_v2_0"),
    JSON_V2_0("json_v2_0");

    private final String formatName;

    UsageFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The name the platform uses for this format, e.g. {@code csv_v2_0}. */
    public String formatName() {
        return formatName;
    }

    /** The parseable format of that name, or an exception that lists the parseable ones. */
    public static UsageFormat fromName(String name) {
        return Arrays.stream(values())
                .filter(format -> format.formatName.equals(name))
                .findFirst()
                .orElseThrow(() -> new UnsupportedUsageFormatException("json_v1".equals(name)
                        ? "The layout of json_v1 is not published by the platform, so the gateway does not read usage "
                                + "rows from it; create the report with " + names() + " (the file itself can still be downloaded)"
                        : "Report format '" + name + "' cannot be parsed into usage rows; parseable formats: " + names()));
    }

    private static String names() {
        return Arrays.stream(values()).map(UsageFormat::formatName).collect(Collectors.joining(", "));
    }
}
