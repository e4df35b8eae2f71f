package dev.reportgateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import dev.reportgateway.sandbox.SandboxReportFiles.Header;
import dev.reportgateway.sandbox.SandboxUsage.Row;

/** The vendor-columns setting changes csv_v2_0's columns only, never a value or another format. */
class SandboxReportFilesTest {

    private static final LocalDate START = LocalDate.parse("2026-10-01");
    private static final LocalDate END = LocalDate.parse("2026-10-31");
    private static final List<Row> ROWS = new SandboxUsage("ede9f834-70b3-476c-83d9-736f9f8c7dae")
            .rows("accounts", START, END, false);

    @Test
    void vendorCsvV2CarriesOnlyTheVendorColumnsWithTheFullFilesValues() throws IOException {
        List<List<String>> full = csvV2(false);
        List<List<String>> vendor = csvV2(true);

        assertEquals(List.of("usage.delta.trial", "infra.owner_id", "name", "usage.absolute.total", "tenant.kind",
                "usage.effective.total", "application.id", "usage.delta.total", "edition", "usage.absolute.production",
                "tenant.id", "usage.effective.trial", "infra.backend_type", "usage.delta.production",
                "usage.absolute.trial", "infra.id", "usage.effective.production"), vendor.get(0));
        assertEquals(full.size(), vendor.size());
        assertTrue(full.size() > 100, "rows: " + full.size());
        for (int i = 1; i < full.size(); i++) {
            Map<String, String> fullRow = named(full.get(0), full.get(i));
            Map<String, String> vendorRow = named(vendor.get(0), vendor.get(i));
            Map<String, String> expected = new HashMap<>(fullRow);
            expected.keySet().retainAll(vendorRow.keySet());
            assertEquals(expected, vendorRow, "row " + i);
        }
    }

    @Test
    void otherFormatsAreTheSameInBothModes() {
        for (String format : List.of("json_v2_0", "json_v1", "csv", "html")) {
            assertArrayEquals(SandboxReportFiles.gzip(format, header(false), ROWS),
                    SandboxReportFiles.gzip(format, header(true), ROWS), format);
        }
    }

    private static Header header(boolean vendorColumns) {
        return new Header("Sandbox Partner", "usage_summary", "accounts", START, END, END.plusDays(1), true,
                vendorColumns);
    }

    private static List<List<String>> csvV2(boolean vendorColumns) throws IOException {
        byte[] gzip = SandboxReportFiles.gzip("csv_v2_0", header(vendorColumns), ROWS);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return SandboxStoredReportsTest.csv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> named(List<String> header, List<String> cells) {
        assertEquals(header.size(), cells.size(), cells.toString());
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        return row;
    }
}
