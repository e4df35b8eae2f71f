package dev.reportgateway.usage;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Parses a large csv_v2_0 (generated on the fly, or a file) into totals and prints
 * {@code rows=… bytes=… totals=… peak_heap_bytes=… max_heap_bytes=…}; run in its own JVM with a small heap.
 */
public final class LargeCsvParseMain {

    private LargeCsvParseMain() {
    }

    /** Args: the number of generated rows; or {@code --file PATH}. */
    public static void main(String[] args) throws IOException {
        SyntheticCsvReport generated = args[0].equals("--file") ? null : new SyntheticCsvReport(Long.parseLong(args[0]));
        long[] rows = {0};
        UsageTotals totals = new UsageTotals();
        long count;
        try (InputStream in = generated != null ? generated : new FileInputStream(args[1])) {
            count = UsageReportReader.read(in, UsageFormat.CSV_V2_0, new UsageBilling(BillingRules.vendor(), UnitCatalog.NONE), row -> {
                totals.accept(row);
                rows[0]++;
            });
        }
        if (count != rows[0]) {
            throw new IllegalStateException("count " + count + " but " + rows[0] + " rows");
        }
        System.out.println("rows=" + count + " bytes=" + (generated != null ? generated.bytesRead() : -1)
                + " totals=" + totals.tenantItems().size() + " peak_heap_bytes=" + peakHeap()
                + " max_heap_bytes=" + Runtime.getRuntime().maxMemory());
    }

    /** Sum of the heap pools' peak usage (an upper bound of the real peak). */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** Resets the heap pools' peaks. */
    static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }
}
