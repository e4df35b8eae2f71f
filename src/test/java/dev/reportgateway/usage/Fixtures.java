package dev.reportgateway.usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Reads the hand-written usage fixtures under {@code src/test/resources/usage/}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/usage/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzipped(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<UsageRow> rows(byte[] report, UsageFormat format) {
        return rows(report, format, UnitCatalog.NONE);
    }

    /** The report's rows billed by the vendor's rules, with units the report lacks from {@code catalog}. */
    static List<UsageRow> rows(byte[] report, UsageFormat format, UnitCatalog catalog) {
        List<UsageRow> rows = new ArrayList<>();
        try {
            long count = UsageReportReader.read(new java.io.ByteArrayInputStream(report), format,
                    new UsageBilling(BillingRules.vendor(), catalog), rows::add);
            if (count != rows.size()) {
                throw new AssertionError("count " + count + " but " + rows.size() + " rows");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The same report in each format. */
    static List<UsageRow> report(UsageFormat format) {
        return rows(bytes(reportFile(format)), format);
    }

    static String reportFile(UsageFormat format) {
        return switch (format) {
            case CSV_V2_0 -> "report.csv_v2_0.csv";
            case JSON_V2_0 -> "report.json_v2_0.json";
        };
    }
}
