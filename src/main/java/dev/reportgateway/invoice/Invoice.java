package dev.reportgateway.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A billing run's usage priced with one version of a price list: per customer (tenants of kind {@code customer}),
 * lines, subtotals per currency and the billable items without a price; the same totals over all customers. The run
 * and the price-list version are named, so the same request answers the same invoice. Decimals are text.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record Invoice(String runId, String tenantId, Period period, String level, PriceListUsed priceList, String rounding,
        boolean includeZero, List<String> tenantKinds, List<Customer> customers, List<Amount> totals, List<Unpriced> unpriced) {

    /** The run's billing period. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Period(LocalDate start, LocalDate end) {
    }

    /** The price-list version that priced the invoice. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record PriceListUsed(String name, int version, String digest) {
    }

    /** One customer: {@code externalId}, {@code currency} come from the customer mapping and may be null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Customer(String tenantId, String externalId, String name, String currency, List<Line> lines,
            List<Amount> subtotals, List<Unpriced> unpriced) {
    }

    /**
     * One priced item of one customer: {@code quantity} is the billable quantity, {@code chargedQuantity} what is left
     * after {@code includedQuantity}; {@code amount} is {@code chargedQuantity × unitPrice} rounded once to the
     * currency's minor unit, or the item's minimum charge when that is more ({@code minimumChargeApplied}).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Line(String offeringItem, String sku, String description,
            @JsonSerialize(using = Decimals.AsText.class) BigDecimal quantity, String unit,
            @JsonSerialize(using = Decimals.AsText.class) BigDecimal includedQuantity,
            @JsonSerialize(using = Decimals.AsText.class) BigDecimal chargedQuantity,
            @JsonSerialize(using = Decimals.AsText.class) BigDecimal unitPrice,
            @JsonSerialize(using = Decimals.AsText.class) BigDecimal amount, String currency, Boolean minimumChargeApplied) {
    }

    /** A sum of money in one currency. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Amount(String currency, @JsonSerialize(using = Decimals.AsText.class) BigDecimal amount) {
    }

    /**
     * A billable item without a usable price, and why ({@code reason}): per customer its quantity; in the invoice's
     * list, summed over the {@code customers} that used it.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Unpriced(String offeringItem, String sku, @JsonSerialize(using = Decimals.AsText.class) BigDecimal quantity,
            String unit, String reason, Integer customers) {
    }
}
