package dev.reportgateway.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts reported usage into billing units by its measurement unit (never by the item's name): seconds to
 * {@code points} for compute-points items (one point is one hour of compute) and to {@code hours} for any other
 * item measured in seconds, bytes to {@code GiB} (1024³); each value rounded to 2 decimals, half-up. Any other
 * unit ({@code quantity}, {@code n/a}, or none known) is passed through unchanged.
 */
public final class BillingUnits {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal BYTES_PER_GIB = BigDecimal.valueOf(1024L * 1024 * 1024);
    private static final int SCALE = 2;

    private BillingUnits() {
    }

    /**
     * The unit an offering item measured in {@code measurementUnit} is billed in: {@code points} for compute points
     * (by the item's or its usage's name), {@code hours}, {@code GiB}, or the measurement unit itself.
     */
    public static String billingUnit(String measurementUnit, String offeringItem, String usageName) {
        return billingUnit(measurementUnit, BillingRules.isComputePoints(offeringItem) || BillingRules.isComputePoints(usageName));
    }

    /** The three measures of one row in billing units, each amount converted separately; {@code unit} may be null. */
    public static ConvertedUsage convert(String unit, boolean computePoints,
            UsageValues absolute, UsageValues delta, UsageValues effective) {
        String billed = billingUnit(unit, computePoints);
        if ("seconds".equals(unit)) {
            return divided(billed, SECONDS_PER_HOUR, absolute, delta, effective);
        }
        if ("bytes".equals(unit)) {
            return divided(billed, BYTES_PER_GIB, absolute, delta, effective);
        }
        return new ConvertedUsage(billed, absolute, delta, effective);
    }

    /** The one mapping of measurement units to billing units, for converting rows and for checking price lists. */
    private static String billingUnit(String measurementUnit, boolean computePoints) {
        if ("seconds".equals(measurementUnit)) {
            return computePoints ? "points" : "hours";
        }
        return "bytes".equals(measurementUnit) ? "GiB" : measurementUnit;
    }

    private static ConvertedUsage divided(String unit, BigDecimal divisor,
            UsageValues absolute, UsageValues delta, UsageValues effective) {
        return new ConvertedUsage(unit,
                absolute.map(value -> value.divide(divisor, SCALE, RoundingMode.HALF_UP)),
                delta.map(value -> value.divide(divisor, SCALE, RoundingMode.HALF_UP)),
                effective.map(value -> value.divide(divisor, SCALE, RoundingMode.HALF_UP)));
    }
}
