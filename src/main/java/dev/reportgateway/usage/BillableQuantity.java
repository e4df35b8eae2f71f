package dev.reportgateway.usage;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The quantity a row is billed on, in billing units: {@code measure} names the value it was taken from (e.g.
 * {@code delta.total}, see {@link BillingRules}); {@code unit} is null when the unit could not be learnt, and
 * then the quantity is as reported, unconverted.
 */
@RegisterForReflection
public record BillableQuantity(BigDecimal quantity, String unit, String measure) {

    /** Adds another quantity of the same unit and measure. */
    BillableQuantity plus(BillableQuantity other) {
        return new BillableQuantity(quantity.add(other.quantity), unit, measure);
    }
}
