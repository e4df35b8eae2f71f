package dev.reportgateway.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Streams one report format's rows to a consumer, one at a time. */
interface UsageParser {

    /** Feeds every row of the (already decompressed) report to {@code sink}; returns how many. */
    long parse(InputStream in, Consumer<UsageRow> sink) throws IOException;
}
