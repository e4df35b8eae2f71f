package dev.reportgateway.invoice;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One price of a price list: for an offering item ({@code offeringItem}), or for a SKU ({@code sku}, which wins over
 * its item's price), in a billing unit and a currency. {@code includedQuantity} is free per customer and period;
 * {@code minimumCharge} is the least a customer pays who used more than the included quantity. Decimals are exact and written as text.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record PriceItem(
        String offeringItem,
        String sku,
        String unit,
        @JsonSerialize(using = Decimals.AsText.class) BigDecimal unitPrice,
        String currency,
        String description,
        @JsonSerialize(using = Decimals.AsText.class) BigDecimal includedQuantity,
        @JsonSerialize(using = Decimals.AsText.class) BigDecimal minimumCharge) {

    /** What the price is for, as an error message names it. */
    String subject() {
        return sku != null ? "SKU " + sku : "offering item " + offeringItem;
    }
}
