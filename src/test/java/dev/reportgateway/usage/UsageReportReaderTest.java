package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
                        values("0.00", "0.00", "0.00"))),
                storage);
        UsageRow points = rows.get(6);
        assertNull(points.sku(), "empty sku cell");
        assertNull(points.infraId(), "empty infra cell");
        assertEquals("seconds", points.unit());
        assertEquals(new ConvertedUsage("points", values("1.51", "1.51", "0.00"), values("1.51", "1.51", "0.00"),
                values("1.51", "1.51", "0.00")), points.converted());
        UsageRow workstations = rows.get(8);
        assertEquals(values("2", "2.5", "0.5"), workstations.absolute());
        assertEquals(values("0", "0", "0"), workstations.delta(), "empty usage cell is 0");
        assertEquals(new ConvertedUsage("quantity", workstations.absolute(), workstations.delta(),
                workstations.effective()), workstations.converted(), "quantity unchanged");
    }

    @Test
    void theThreeFormatsGiveIdenticalRows() {
        List<UsageRow> csv = Fixtures.report(UsageFormat.CSV_V2_0);
        assertEquals(csv, Fixtures.report(UsageFormat.JSON_V2_0));
        assertEquals(csv, Fixtures.report(UsageFormat.JSON_V1));
    }

    @ParameterizedTest
    @EnumSource(UsageFormat.class)
    void gzipIsDetectedByItsMagicBytes(UsageFormat format) {
        byte[] plain = Fixtures.bytes(Fixtures.reportFile(format));
        assertEquals(Fixtures.rows(plain, format), Fixtures.rows(Fixtures.gzipped(plain), format));
    }

    @Test
    void missingOptionalColumnsAreNullAndTheUnitIsInferred() {
        List<UsageRow> rows = Fixtures.rows(Fixtures.bytes("variant-missing-optional.csv_v2_0.csv"),
                UsageFormat.CSV_V2_0);

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
    void malformedJsonV1NumberNamesTheRowIndexAndField() {
        UsageFormatException e = assertThrows(UsageFormatException.class, () -> Fixtures.rows(
                Fixtures.bytes("malformed-number.json_v1.json"), UsageFormat.JSON_V1));
        assertEquals("json_v1 row 2 (tenants[1].usages[1]): field usage.effective.production is not a number: '1e'",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e", "1e5", "12,5", "1.", ".5", "+1", "0x10", "NaN"})
    void anythingButIntegersAndDecimalsIsRejected(String cell) {
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

    @ParameterizedTest
    @EnumSource(value = UsageFormat.class, names = {"JSON_V2_0", "JSON_V1"})
    void brokenOrShapelessJsonIsAFormatError(UsageFormat format) {
        for (String json : List.of("{\"tenants\": [{\"tenant\": ", "[]", "{\"params\": {}}", "{\"tenants\": {}}")) {
            assertThrows(UsageFormatException.class,
                    () -> Fixtures.rows(json.getBytes(StandardCharsets.UTF_8), format), json);
        }
        assertEquals(List.of(), Fixtures.rows("{\"tenants\": []}".getBytes(StandardCharsets.UTF_8), format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "html", "CSV_V2_0", "json", ""})
    void unparseableFormatsSayWhichCanBeParsed(String name) {
        UnsupportedUsageFormatException e = assertThrows(UnsupportedUsageFormatException.class,
                () -> UsageFormat.fromName(name));
        assertEquals("Report format '" + name + "' cannot be parsed into usage rows; parseable formats: "
                + "csv_v2_0, json_v2_0, json_v1", e.getMessage());
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
                "edition", "unit", "infra_id", "absolute", "delta", "effective", "converted")), names);
        assertEquals("GiB", json.at("/converted/unit").asText());
        String text = new ObjectMapper().writeValueAsString(Fixtures.report(UsageFormat.CSV_V2_0).get(0));
        assertTrue(text.contains("\"absolute\":{\"production\":3221225472,\"total\":3221225472,\"trial\":0}"), text);
        assertTrue(text.contains("\"effective\":{\"production\":3.00,\"total\":3.00,\"trial\":0.00}"), text);
    }

    @Test
    void rowsArriveOneAtATimeAndTheStreamIsClosed() throws Exception {
        List<String> seen = new ArrayList<>();
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(Fixtures.bytes("report.json_v1.json")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        long count = UsageReportReader.read(in, UsageFormat.JSON_V1, row -> seen.add(row.offeringItem()));
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
