package dev.reportgateway.usage;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * How much of a stored report the parsers accept before refusing it with a {@link UsageLimitException}, so a
 * hostile or broken file cannot exhaust memory or time: columns (fields) per record, characters per cell (or
 * JSON name or value), characters per record (a CSV line, an element of {@code tenants}), and decompressed bytes.
 */
public record UsageLimits(int maxColumns, int maxCellChars, long maxRecordChars, long maxDecompressedBytes) {

    /** The defaults of {@link UsageLimitsConfig}: 512 columns, 64 KiB cells, 1 MiB records, 4 GiB decompressed. */
    public static final UsageLimits DEFAULTS = new UsageLimits(512, 64 * 1024, 1024 * 1024, 4L * 1024 * 1024 * 1024);

    /** Jackson's own bound on names and values, so no cell is ever buffered past {@link #maxCellChars()}. */
    StreamReadConstraints readConstraints() {
        return StreamReadConstraints.builder()
                .maxStringLength(maxCellChars)
                .maxNameLength(maxCellChars)
                .build();
    }

    UsageLimitException tooManyColumns(String where) {
        return new UsageLimitException(where + " has more than " + maxColumns + " columns (gateway.usage.max-columns)");
    }

    UsageLimitException cellTooLong(String where) {
        return new UsageLimitException(where + " has a cell longer than " + maxCellChars
                + " characters (gateway.usage.max-cell-size)");
    }

    UsageLimitException recordTooLong(String where) {
        return new UsageLimitException(where + " is longer than " + maxRecordChars
                + " characters (gateway.usage.max-record-size)");
    }

    UsageLimitException tooLarge() {
        return new UsageLimitException("the decompressed report is larger than " + maxDecompressedBytes
                + " bytes (gateway.usage.max-decompressed-size)");
    }
}
