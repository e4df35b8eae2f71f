package dev.reportgateway.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Entry point: streams a stored report's billed usage rows, gunzipping it first when it is gzip. */
public final class UsageReportReader {

    private UsageReportReader() {
    }

    /** {@link #read(InputStream, UsageFormat, UsageLimits, UsageBilling, Consumer)} within the {@link UsageLimits#DEFAULTS}. */
    public static long read(InputStream in, UsageFormat format, UsageBilling billing, Consumer<UsageRow> sink)
            throws IOException {
        return read(in, format, UsageLimits.DEFAULTS, billing, sink);
    }

    /**
     * Feeds every row of the report, billed by {@code billing}, to {@code sink}, one at a time, and returns how
     * many there were. Closes {@code in} when done.
     *
     * @throws UsageFormatException when the report does not follow its format (names the line or row and field)
     * @throws UsageLimitException when the report is past one of {@code limits} (names where and the setting)
     */
    public static long read(InputStream in, UsageFormat format, UsageLimits limits, UsageBilling billing,
            Consumer<UsageRow> sink) throws IOException {
        UsageParser parser = switch (format) {
            case CSV_V2_0 -> new CsvV20Parser(limits);
            case JSON_V2_0 -> new JsonV20Parser(limits);
        };
        try (InputStream report = new BoundedInputStream(ReportStreams.decompressed(in), limits)) {
            return parser.parse(report, row -> sink.accept(billing.bill(row)));
        }
    }
}
