package dev.reportgateway.usage;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A csv_v2_0 report of a given number of rows, generated line by line as it is read, so a report of any size
 * exists only one line at a time. Rows cycle over 2,000 customers and four offering items.
 */
public final class SyntheticCsvReport extends InputStream {

    static final String HEADER = "period.start,tenant.id,tenant.name,tenant.kind,tenant.parent_id,application.id,"
            + "name,edition,sku,measurement_unit,infra.id,infra.backend_type,infra.owner_id,"
            + "usage.absolute.production,usage.absolute.total,usage.absolute.trial,"
            + "usage.delta.production,usage.delta.total,usage.delta.trial,"
            + "usage.effective.production,usage.effective.total,usage.effective.trial\n";

    private static final String[] ITEMS = {"pw_base_storage", "pw_base_workstations", "compute_points", "pw_base_servers"};
    private static final String[] UNITS = {"bytes", "quantity", "seconds", "quantity"};

    private final long rows;
    private long next;
    private byte[] line = HEADER.getBytes(StandardCharsets.UTF_8);
    private int position;
    private long bytes;

    public SyntheticCsvReport(long rows) {
        this.rows = rows;
    }

    /** Bytes handed out so far. */
    long bytesRead() {
        return bytes;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        bytes++;
        return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length && fill()) {
            int n = Math.min(length - copied, line.length - position);
            System.arraycopy(line, position, buffer, offset + copied, n);
            position += n;
            copied += n;
        }
        bytes += copied;
        return copied == 0 ? -1 : copied;
    }

    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        if (next >= rows) {
            return false;
        }
        line = row(next++).getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    private static String row(long i) {
        int tenant = (int) (i % 2000);
        int item = (int) (i / 2000 % ITEMS.length);
        long amount = item == 0 ? 1_000_000L + i * 7919 % 5_000_000_000_000L : i % 10_000;
        String id = String.format("0f000000-0000-4000-8000-%012d", tenant);
        return "2026-10-01," + id + ",\"Customer " + tenant + ", Ltd.\",customer,0f000000-0000-4000-8000-999999999999,"
                + "2f000000-0000-4000-8000-000000000001," + ITEMS[item] + ",pay_as_you_go,SK-" + item + ","
                + UNITS[item] + ",1f000000-0000-4000-8000-" + String.format("%012d", i % 3) + ",azure,"
                + id + "," + amount + "," + amount + ",0," + (amount / 10) + "," + (amount / 10) + ",0,"
                + amount + "," + amount + ",0\n";
    }
}
