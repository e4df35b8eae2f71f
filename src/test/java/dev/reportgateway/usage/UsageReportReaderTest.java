package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class UsageReportReaderTest {

    private static final String ALPHA = "0f000000-0000-4000-8000-00000000000a";

    private static UsageValues values(String production, String total, String trial) {
        return new UsageValues(new BigDecimal(production), new BigDecimal(total), new BigDecimal(trial));
    }

    @Test
    void csvRowsAreReadByNameWithQuotedNamesAndConvertedUnits() {
        List<UsageRow> rows = Fixtures.report(UsageFormat.CSV_V2_0);

        assertEquals(11, rows.size());
        UsageRow storage = rows.get(4);
        assertEquals(new UsageRow(ALPHA, "Alpha, Inc. \"North\"", "customer", "pw_base_storage", "SK-STOR",
                "pay_as_you_go", "bytes", "1f000000-0000-4000-8000-000000000002",
                values("5368710", "5368710", "0"), values("5368710", "5368710", "0"), values("5368708", "5368708", "0"),
                new ConvertedUsage("GiB", values("0.01", "0.01", "0.00"), values("0.01", "0.01", "0.00"),
                        values("0.00", "0.00", "0.00")),
                new BillableQuantity(new BigDecimal("0.01"), "GiB", "absolute.total")),
                storage);
        UsageRow points = rows.get(6);
        assertNull(points.sku(), "empty sku cell");
        assertNull(points.infraId(), "empty infra cell");
        assertEquals("seconds", points.unit());
        assertEquals(new ConvertedUsage("points", values("1.51", "1.51", "0.00"), values("1.51", "1.51", "0.00"),
                values("1.51", "1.51", "0.00")), points.converted());
        assertEquals(new BillableQuantity(new BigDecimal("1.51"), "points", "delta.total"), points.billable());
        UsageRow workstations = rows.get(8);
        assertEquals(values("2", "2.5", "0.5"), workstations.absolute());
        assertEquals(values("0", "0", "0"), workstations.delta());
        assertEquals(new ConvertedUsage("quantity", workstations.absolute(), workstations.delta(),
                workstations.effective()), workstations.converted(), "quantity unchanged");
    }

    @Test
    void bothFormatsGiveIdenticalRows() {
        assertEquals(Fixtures.report(UsageFormat.CSV_V2_0), Fixtures.report(UsageFormat.JSON_V2_0));
    }

    @ParameterizedTest
    @EnumSource(UsageFormat.class)
    void gzipIsDetectedByItsMagicBytes(UsageFormat format) {
        byte[] plain = Fixtures.bytes(Fixtures.reportFile(format));
        assertEquals(Fixtures.rows(plain, format), Fixtures.rows(Fixtures.gzipped(plain), format));
    }

    @Test
    void missingOptionalColumnsAreNullAndTheUnitComesFromTheCatalog() {
        Map<String, ItemFacts> items = Map.of("pw_base_storage", new ItemFacts("bytes", "storage"),
                "compute_points", new ItemFacts("seconds", "compute_points"),
                "pw_base_workstations", new ItemFacts("quantity", "workstations"));
        List<UsageRow> rows = Fixtures.rows(Fixtures.bytes("variant-missing-optional.csv_v2_0.csv"),
                UsageFormat.CSV_V2_0, (tenant, item, edition) -> Optional.ofNullable(items.get(item)));

        assertEquals(3, rows.size(), "trailing empty line skipped");
        rows.forEach(row -> {
            assertNull(row.sku());
            assertNull(row.edition());
            assertNull(row.infraId());
            assertEquals("Alpha, Inc. \"North\"", row.tenantName());
        });
        assertEquals(List.of("bytes", "seconds", "quantity"), rows.stream().map(UsageRow::unit).toList());
        assertEquals(List.of("GiB", "points", "quantity"), rows.stream().map(row -> row.converted().unit()).toList());
        assertEquals(values("1.50", "1.50", "0.00"), rows.get(0).converted().effective());
    }

    @Test
    void malformedCsvNumberNamesTheLineAndColumn() {
        UsageFormatException e = assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                Fixtures.bytes("malformed-number.csv_v2_0.csv"), UsageFormat.CSV_V2_0));
        assertEquals("csv_v2_0 line 4: field usage.effective.production is not a number: '12,5'", e.getMessage());
    }

    @Test
    void malformedJsonV20NumberNamesTheRowIndexAndField() {
        UsageFormatException e = assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                Fixtures.bytes("malformed-number.json_v2_0.json"), UsageFormat.JSON_V2_0));
        assertEquals("json_v2_0 row 1 (tenants[1]): field usage.delta.total is not a number: 'abc'", e.getMessage());
    }

    @Test
    void withoutAUnitNothingIsGuessedFromTheName() {
        UsageBilling billing = new UsageBilling(BillingRules.vendor(), UnitCatalog.NONE);
        List<UsageRow> rows = new ArrayList<>();
        assertEquals(3, assertDoesNotThrow(() -> UsageReportReader.read(new ByteArrayInputStream(
                Fixtures.bytes("variant-missing-optional.csv_v2_0.csv")), UsageFormat.CSV_V2_0, billing, rows::add)));
        rows.forEach(row -> {
            assertNull(row.unit(), row.offeringItem());
            assertNull(row.converted().unit(), row.offeringItem());
            assertSame(row.absolute(), row.converted().absolute(), "unconverted");
            assertNull(row.billable().unit());
        });
        assertEquals(List.of("pw_base_storage", "compute_points", "pw_base_workstations"),
                billing.warnings().stream().map(UsageWarning::subject).toList());
        assertEquals(Set.of(UsageWarning.UNKNOWN_UNIT), billing.warnings().stream().map(UsageWarning::type)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** General decimals as the vendor's own parser accepts them, read exactly. */
    @ParameterizedTest
    @CsvSource({"1.5e3, 1500", "+7, 7", ".5, 0.5", "1., 1", "1E5, 100000", "-0.25, -0.25", "12, 12", "2.50e-1, 0.250",
        "' 42 ', 42"})
    void everyDecimalFormIsReadExactly(String cell, String expected) {
        String csv = header() + "t,customer,pw_base_workstations,\"" + cell + "\",0,0,0,0,0,0,0,0\n";
        BigDecimal read = Fixtures.rows(csv.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0).get(0)
                .absolute().production();
        assertEquals(0, new BigDecimal(expected).compareTo(read), cell + " read as " + read);
        assertEquals(new BigDecimal(expected).stripTrailingZeros().toPlainString(), read.stripTrailingZeros().toPlainString());
    }

    @Test
    void anEmptyUsageCellIsAnErrorNamingTheLineAndColumn() {
        String csv = header() + "t,customer,pw_base_workstations,1,1,0,0,,0,1,1,0\n";
        assertEquals("csv_v2_0 line 2: field usage.delta.total is empty; a usage value must be a number",
                assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                        csv.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0)).getMessage());
        String json = "{\"tenants\": [{\"tenant\": {\"id\": \"t\", \"kind\": \"customer\"}, \"name\": \"x\","
                + " \"usage\": {\"absolute\": {\"production\": 1, \"total\": 1, \"trial\": null},"
                + " \"delta\": {\"production\": 0, \"total\": 0, \"trial\": 0},"
                + " \"effective\": {\"production\": 1, \"total\": 1, \"trial\": 0}}}]}";
        assertEquals("json_v2_0 row 0 (tenants[0]): field usage.absolute.trial is empty; a usage value must be a number",
                assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                        json.getBytes(StandardCharsets.UTF_8), UsageFormat.JSON_V2_0)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e", "12,5", "0x10", "NaN", "Infinity", "--1", "1.2.3", "e5", ".", "+", "1e99999",
        "1e31", "1e-31"})
    void anythingButADecimalIsRejected(String cell) {
        String csv = header() + "t,customer,pw_base_workstations,\"" + cell + "\",0,0,0,0,0,0,0,0\n";
        UsageFormatException e = assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                csv.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0));
        assertTrue(e.getMessage().startsWith("csv_v2_0 line 2: field usage.absolute.production"), e.getMessage());
    }

    @Test
    void missingRequiredCellsAndColumnsAreErrors() {
        String emptyKind = header() + "t,,pw_base_workstations,1,1,0,0,0,0,1,1,0\n";
        assertEquals("csv_v2_0 line 2: field tenant.kind is missing or empty",
                assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                        emptyKind.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0)).getMessage());

        String noTrial = "tenant.id,tenant.kind,name,usage.absolute.production\nt,customer,x,1\n";
        UsageFormatException e = assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                noTrial.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0));
        assertTrue(e.getMessage().startsWith("csv_v2_0 header lacks the required column(s) [usage.absolute.total"),
                e.getMessage());

        String ragged = header() + "t,customer,pw_base_workstations,1,1,0\n";
        assertEquals("csv_v2_0 line 2: 6 cells, but the header has 12 columns",
                assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                        ragged.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0)).getMessage());

        String missingJsonField = "{\"tenants\": [{\"tenant\": {\"id\": \"t\", \"kind\": \"customer\"}, \"name\": \"x\","
                + " \"usage\": {\"absolute\": {\"production\": 1, \"total\": 1}}}]}";
        assertEquals("json_v2_0 row 0 (tenants[0]): field usage.absolute.trial is missing",
                assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                        missingJsonField.getBytes(StandardCharsets.UTF_8), UsageFormat.JSON_V2_0)).getMessage());
    }

    @Test
    void brokenCsvIsAFormatError() {
        String unclosed = header() + "t,customer,\"pw_base_workstations,1,1,0,0,0,0,1,1,0\n";
        UsageFormatException e = assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                unclosed.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0));
        assertTrue(e.getMessage().startsWith("csv_v2_0 is not valid CSV at line "), e.getMessage());
        assertEquals("csv_v2_0 has no header line", assertThrows(UsageFormatException.class,
                () -> Fixtures.rows(new byte[0], UsageFormat.CSV_V2_0)).getMessage());
    }

    @Test
    void aCsvWithAByteOrderMarkAndCrlfLinesReadsTheSame() {
        byte[] plain = Fixtures.bytes("report.csv_v2_0.csv");
        String crlf = "\uFEFF" + new String(plain, StandardCharsets.UTF_8).replace("\n", "\r\n");
        assertEquals(Fixtures.rows(plain, UsageFormat.CSV_V2_0),
                Fixtures.rows(crlf.getBytes(StandardCharsets.UTF_8), UsageFormat.CSV_V2_0));
    }

    @Test
    void brokenOrShapelessJsonIsAFormatError() {
        for (String json : List.of("{\"tenants\": [{\"tenant\": ", "[]", "{\"params\": {}}", "{\"tenants\": {}}")) {
            assertThrows(UsageFormatException.class,
                    () -> Fixtures.rows(json.getBytes(StandardCharsets.UTF_8), UsageFormat.JSON_V2_0), json);
        }
        assertEquals(List.of(), Fixtures.rows("{\"tenants\": []}".getBytes(StandardCharsets.UTF_8), UsageFormat.JSON_V2_0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "html", "CSV_V2_0", "json", ""})
    void unparseableFormatsSayWhichCanBeParsed(String name) {
        UnsupportedUsageFormatException e = assertThrows(UnsupportedUsageFormatException.class,
                () -> UsageFormat.fromName(name));
        assertEquals("Report format '" + name + "' cannot be parsed into usage rows; parseable formats: "
                + "csv_v2_0, json_v2_0", e.getMessage());
    }

    @Test
    void jsonV1IsRefusedBecauseItsLayoutIsNotPublished() {
        assertEquals("The layout of json_v1 is not published by the platform, so the gateway does not read usage rows "
                + "from it; create the report with csv_v2_0, json_v2_0 (the file itself can still be downloaded)",
                assertThrows(UnsupportedUsageFormatException.class, () -> UsageFormat.fromName("json_v1")).getMessage());
    }

    @Test
    void formatsAreFoundByTheirPlatformName() {
        for (UsageFormat format : UsageFormat.values()) {
            assertEquals(format, UsageFormat.fromName(format.formatName()));
        }
    }

    @Test
    void rowsSerialiseWithSnakeCaseNames() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(Fixtures.report(UsageFormat.CSV_V2_0).get(0));
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("tenant_id", "tenant_name", "tenant_kind", "offering_item", "sku",
                "edition", "unit", "infra_id", "absolute", "delta", "effective", "converted", "billable")), names);
        assertEquals("GiB", json.at("/converted/unit").asText());
        String text = new ObjectMapper().writeValueAsString(Fixtures.report(UsageFormat.CSV_V2_0).get(0));
        assertTrue(text.contains("\"absolute\":{\"production\":3221225472,\"total\":3221225472,\"trial\":0}"), text);
        assertTrue(text.contains("\"effective\":{\"production\":3.00,\"total\":3.00,\"trial\":0.00}"), text);
    }

    @Test
    void rowsArriveOneAtATimeAndTheStreamIsClosed() throws Exception {
        List<String> seen = new ArrayList<>();
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(Fixtures.bytes("report.json_v2_0.json")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        long count = UsageReportReader.read(in, UsageFormat.JSON_V2_0, new UsageBilling(BillingRules.vendor(), UnitCatalog.NONE),
                row -> seen.add(row.offeringItem()));
        assertEquals(11, count);
        assertEquals(11, seen.size());
        assertTrue(closed[0]);
    }

    private static String header() {
        return "tenant.id,tenant.kind,name,usage.absolute.production,usage.absolute.total,usage.absolute.trial,"
                + "usage.delta.production,usage.delta.total,usage.delta.trial,"
                + "usage.effective.production,usage.effective.total,usage.effective.trial\n";
    }
}
