package dev.reportgateway.usage;

/** One record of a report, looked up by the dotted csv_v2_0 field names (e.g. {@code usage.delta.total}). */
@FunctionalInterface
interface RowFields {

    /** The field's text as written, {@code ""} when empty or null, {@code null} when the record lacks it. */
    String get(String name);
}
