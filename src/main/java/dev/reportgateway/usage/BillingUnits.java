package dev.reportgateway.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts reported usage into billing units: Disaster Recovery compute points measured in seconds to
 * points (/ 3600), storage in bytes to GiB (/ 1024³), both rounded to 2 decimals half-up; anything else
 * unchanged.
 */
public final class BillingUnits {

    private static final BigDecimal SECONDS_PER_POINT = BigDecimal.valueOf(3600);
    private static final BigDecimal BYTES_PER_GIB = BigDecimal.valueOf(1024L * 1024 * 1024);
    private static final int SCALE = 2;

    private BillingUnits() {
    }

    /** The three measures of one row in billing units, each amount converted separately. */
    public static ConvertedUsage convert(String offeringItem, String unit,
            UsageValues absolute, UsageValues delta, UsageValues effective) {
        if (isComputePoints(offeringItem) && "seconds".equals(unit)) {
            return divided("points", SECONDS_PER_POINT, absolute, delta, effective);
        }
        if ("bytes".equals(unit)) {
            return divided("GiB", BYTES_PER_GIB, absolute, delta, effective);
        }
        return new ConvertedUsage(unit, absolute, delta, effective);
    }

    /** True for {@code compute_points} and the {@code *_compute_points} items. */
    public static boolean isComputePoints(String offeringItem) {
        return "compute_points".equals(offeringItem) || offeringItem.endsWith("_compute_points");
    }

    private static ConvertedUsage divided(String unit, BigDecimal divisor,
            UsageValues absolute, UsageValues delta, UsageValues effective) {
        return new ConvertedUsage(unit,
                absolute.map(value -> value.divide(divisor, SCALE, RoundingMode.HALF_UP)),
                delta.map(value -> value.divide(divisor, SCALE, RoundingMode.HALF_UP)),
                effective.map(value -> value.divide(divisor, SCALE, RoundingMode.HALF_UP)));
    }
}
