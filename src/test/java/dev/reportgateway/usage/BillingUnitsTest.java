package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingUnitsTest {

    private static final BigDecimal GIB = BigDecimal.valueOf(1073741824L);

    private static ConvertedUsage convert(String item, String unit, BigDecimal value) {
        UsageValues values = new UsageValues(value, value, value);
        return BillingUnits.convert(unit, BillingRules.isComputePoints(item), values, values, values);
    }

    @ParameterizedTest
    @CsvSource({
        "5400, 1.50", "5418, 1.51", "1, 0.00", "17, 0.00", "18, 0.01", "0, 0.00", "3600, 1.00",
        "-18, -0.01", "-17, 0.00", "9000, 2.50"})
    void computePointsAreSecondsOver3600HalfUp(String seconds, String points) {
        for (String item : new String[] {"compute_points", "dre_compute_points", "dr_vm_compute_points"}) {
            ConvertedUsage converted = convert(item, "seconds", new BigDecimal(seconds));
            assertEquals("points", converted.unit());
            UsageValues expected = new UsageValues(new BigDecimal(points), new BigDecimal(points), new BigDecimal(points));
            assertEquals(expected, converted.absolute(), item);
            assertEquals(expected, converted.delta(), item);
            assertEquals(expected, converted.effective(), item);
        }
    }

    /** 0.005 GiB is 5368709.12 bytes: 5368709 is just below the half and rounds down, 5368710 up. */
    @ParameterizedTest
    @CsvSource({
        "1073741824, 1.00", "1610612736, 1.50", "5368710, 0.01", "5368709, 0.00", "5368708, 0.00", "0, 0.00",
        "3221225472, 3.00", "-536870912, -0.50", "1099511627776, 1024.00"})
    void bytesAreGibHalfUp(String bytes, String gib) {
        ConvertedUsage converted = convert("pw_base_storage", "bytes", new BigDecimal(bytes));
        assertEquals("GiB", converted.unit());
        assertEquals(new BigDecimal(gib), converted.absolute().production());
        assertEquals(new BigDecimal(gib), converted.effective().trial());
    }

    @Test
    void manyRandomSecondsRoundLikeTheDefinition() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 10_000; i++) {
            long seconds = i < 5_000 ? random.nextInt(100_000) : Math.abs(random.nextLong() % 10_000_000_000L);
            BigDecimal expected = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
            assertEquals(expected, convert("compute_points", "seconds", BigDecimal.valueOf(seconds)).effective().total(),
                    seconds + " s");
            BigDecimal whole = BigDecimal.valueOf(seconds / 3600);
            long remainder = seconds % 3600;
            long hundredths = (remainder * 100 + 1800) / 3600;
            assertEquals(whole.add(BigDecimal.valueOf(hundredths, 2)), expected, "integer arithmetic, " + seconds + " s");
        }
    }

    @Test
    void manyRandomByteCountsRoundLikeTheDefinition() {
        Random random = new Random(42L);
        for (int i = 0; i < 10_000; i++) {
            long bytes = Math.abs(random.nextLong() % (1L << 50));
            BigDecimal gib = convert("pw_base_storage", "bytes", BigDecimal.valueOf(bytes)).absolute().production();
            assertEquals(BigDecimal.valueOf(bytes).divide(GIB, 2, RoundingMode.HALF_UP), gib, bytes + " B");
            long hundredths = (bytes * 100 + GIB.longValue() / 2) / GIB.longValue();
            assertEquals(BigDecimal.valueOf(hundredths, 2), gib, "integer arithmetic, " + bytes + " B");
        }
    }

    @Test
    void productionTotalAndTrialAreConvertedSeparately() {
        UsageValues seconds = new UsageValues(BigDecimal.valueOf(17), BigDecimal.valueOf(35), BigDecimal.valueOf(18));
        ConvertedUsage converted = BillingUnits.convert("seconds", true, seconds, seconds, seconds);
        assertEquals(new UsageValues(new BigDecimal("0.00"), new BigDecimal("0.01"), new BigDecimal("0.01")),
                converted.absolute());
    }

    @Test
    void secondsOfOtherItemsAreHoursNeverPoints() {
        ConvertedUsage converted = convert("backup_seconds", "seconds", BigDecimal.valueOf(5418));
        assertEquals("hours", converted.unit());
        assertEquals(new BigDecimal("1.51"), converted.delta().total());
    }

    /** The unit decides, never the name: a storage-named item counted in quantity stays a quantity. */
    @ParameterizedTest
    @CsvSource(value = {
        "pw_base_workstations, quantity", "compute_points, n/a", "compute_points, quantity",
        "pw_base_storage, quantity", "pw_base_storage, NULL", "compute_points, NULL"}, nullValues = "NULL")
    void anythingElseIsUnchanged(String item, String unit) {
        UsageValues values = new UsageValues(new BigDecimal("12.5"), new BigDecimal("5400"), BigDecimal.ZERO);
        ConvertedUsage converted = BillingUnits.convert(unit, BillingRules.isComputePoints(item), values, values, values);
        assertEquals(unit, converted.unit());
        assertSame(values, converted.absolute());
        assertSame(values, converted.effective());
    }
}
