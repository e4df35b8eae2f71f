package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hostile reports stop at a named limit, early, whatever their size: no parser buffers a record or cell without bound. */
class UsageLimitsTest {

    /** Small enough to reach with a few KiB of input. */
    private static final UsageLimits SMALL = new UsageLimits(512, 100, 1000, 4L * 1024 * 1024 * 1024);

    @Test
    void anEndlessCsvHeaderStopsAtTheColumnLimit() {
        EndlessInputStream header = new EndlessInputStream("", "a,");

        UsageLimitException past = read(header, UsageFormat.CSV_V2_0, UsageLimits.DEFAULTS);

        assertEquals("csv_v2_0 line 1 has more than 512 columns (gateway.usage.max-columns)", past.getMessage());
        assertTrue(header.position() < 1024 * 1024, "read " + header.position() + " bytes");
    }

    @Test
    void anEndlessCsvCellStopsAtTheCellLimit() {
        EndlessInputStream cell = new EndlessInputStream("tenant.id,", "a");

        UsageLimitException past = read(cell, UsageFormat.CSV_V2_0, UsageLimits.DEFAULTS);

        assertTrue(past.getMessage().startsWith("csv_v2_0"), past.getMessage());
        assertTrue(past.getMessage().endsWith("has a cell longer than 65536 characters (gateway.usage.max-cell-size)"),
                past.getMessage());
        assertTrue(cell.position() < 1024 * 1024, "read " + cell.position() + " bytes");
    }

    @Test
    void aLongCsvRecordStopsAtTheRecordLimit() {
        String header = IntStream.range(0, 20).mapToObj(i -> "c" + "x".repeat(90)).collect(Collectors.joining(","));

        UsageLimitException past = read(stream(header + "\n"), UsageFormat.CSV_V2_0, SMALL);

        assertEquals("csv_v2_0 line 1 is longer than 1000 characters (gateway.usage.max-record-size)", past.getMessage());
    }

    @ParameterizedTest
    @EnumSource(UsageFormat.class)
    void theDecompressedSizeIsBoundedInEveryFormat(UsageFormat format) {
        byte[] gzip = Fixtures.gzipped(Fixtures.bytes(Fixtures.reportFile(format)));
        UsageLimits tiny = new UsageLimits(512, 100, 1000, 200);

        UsageLimitException past = read(new ByteArrayInputStream(gzip), format, tiny);

        assertEquals("the decompressed report is larger than 200 bytes (gateway.usage.max-decompressed-size)", past.getMessage());
    }

    @Test
    void anEndlessJsonValueOrNameStopsAtTheCellLimit() {
        UsageFormat format = UsageFormat.JSON_V2_0;
        for (String prefix : new String[] { "{\"tenants\":[{\"name\":\"", "{\"tenants\":[{\"" }) {
            EndlessInputStream endless = new EndlessInputStream(prefix, "a");

            UsageLimitException past = read(endless, format, UsageLimits.DEFAULTS);

            assertEquals(format.formatName() + " near row 0 has a cell longer than 65536 characters "
                    + "(gateway.usage.max-cell-size)", past.getMessage());
            assertTrue(endless.position() < 1024 * 1024, "read " + endless.position() + " bytes");
        }
    }

    @Test
    void aJsonRowWithTooManyFieldsStopsAtTheColumnLimit() {
        String fields = IntStream.range(0, 600).mapToObj(i -> "\"f" + i + "\":1").collect(Collectors.joining(","));

        UsageLimitException past = read(stream("{\"tenants\":[{" + fields + "}]}"), UsageFormat.JSON_V2_0, UsageLimits.DEFAULTS);

        assertEquals("json_v2_0 tenants[0] has more than 512 columns (gateway.usage.max-columns)", past.getMessage());
    }

    @ParameterizedTest
    @EnumSource(UsageFormat.class)
    void theFixturesAreWithinTheDefaults(UsageFormat format) throws Exception {
        byte[] report = Fixtures.bytes(Fixtures.reportFile(format));
        assertEquals(11, UsageReportReader.read(new ByteArrayInputStream(report), format, UsageLimits.DEFAULTS, billing(), row -> { }));
    }

    private static UsageBilling billing() {
        return new UsageBilling(BillingRules.vendor(), UnitCatalog.NONE);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static UsageLimitException read(InputStream in, UsageFormat format, UsageLimits limits) {
        return assertThrows(UsageLimitException.class, () -> UsageReportReader.read(in, format, limits, billing(), row -> { }));
    }
}
