package dev.reportgateway.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.InvalidRequestException;

/**
 * Checks a sent price list row by row and answers its prices, or refuses it with every error at once: a missing
 * item, an unknown currency, a negative or inexact number, the same item twice in one currency, a unit that is
 * not a billing unit or not the item's.
 */
final class PriceListValidator {

    /** The columns of a price list, in the order its CSV is written. */
    static final Set<String> COLUMNS = new LinkedHashSet<>(List.of("offering_item", "sku", "unit", "unit_price", "currency",
            "description", "included_quantity", "minimum_charge"));
    /** The units the gateway bills in (see {@code BillingUnits}). */
    static final List<String> UNITS = List.of("points", "hours", "GiB", "quantity");
    private static final int MAX_TEXT = 500;

    private PriceListValidator() {
    }

    /**
     * The prices of {@code table}. {@code itemUnit} gives an offering item's billing unit where the platform says
     * it (empty where it does not know the item).
     */
    static List<PriceItem> validate(SentTable.Parsed table, Function<String, Optional<String>> itemUnit) {
        List<FieldError> errors = new ArrayList<>(table.errors());
        if (table.rows().isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "has no prices: send at least one row"));
        }
        List<PriceItem> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (SentTable.Row row : table.rows()) {
            int before = errors.size();
            String item = text(row, "offering_item", errors);
            String sku = text(row, "sku", errors);
            if (item == null && sku == null) {
                errors.add(new FieldError(row.field("offering_item"), "is required (or sku): what the price is for"));
            }
            String unit = row.cell("unit");
            if (unit == null) {
                errors.add(new FieldError(row.field("unit"), "is required: one of " + String.join(", ", UNITS)));
            } else if (!UNITS.contains(unit)) {
                errors.add(new FieldError(row.field("unit"), "'" + unit + "' is not a billing unit: one of " + String.join(", ", UNITS)));
            } else if (item != null) {
                itemUnit.apply(item).filter(known -> !known.equals(unit)).ifPresent(known -> errors.add(new FieldError(
                        row.field("unit"), "is " + unit + ", but offering item " + item + " is billed in " + known)));
            }
            String currency = Currencies.code(row.cell("currency"));
            if (row.cell("currency") == null) {
                errors.add(new FieldError(row.field("currency"), "is required: an ISO 4217 code such as EUR"));
            } else if (currency == null) {
                errors.add(new FieldError(row.field("currency"), "'" + row.cell("currency") + "' is not an ISO 4217 currency with a minor unit"));
            }
            BigDecimal price = decimal(row, "unit_price", true, errors);
            BigDecimal included = decimal(row, "included_quantity", false, errors);
            BigDecimal minimum = decimal(row, "minimum_charge", false, errors);
            if (minimum != null && currency != null && minimum.scale() > Currencies.minorDigits(currency)) {
                errors.add(new FieldError(row.field("minimum_charge"), "has more decimals than " + currency + " has ("
                        + Currencies.minorDigits(currency) + ")"));
            }
            String description = text(row, "description", errors);
            if (errors.size() > before) {
                continue;
            }
            PriceItem priced = new PriceItem(item, sku, unit, price, currency, description, included, minimum);
            String key = (sku != null ? "sku " + sku : "item " + item) + " " + currency;
            String first = seen.putIfAbsent(key, row.where());
            if (first != null) {
                errors.add(new FieldError(row.where(), "prices " + priced.subject() + " in " + currency + " again (first at " + first + ")"));
                continue;
            }
            items.add(priced);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return items;
    }

    private static String text(SentTable.Row row, String column, List<FieldError> errors) {
        String value = row.cell(column);
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldError(row.field(column), "is longer than " + MAX_TEXT + " characters"));
        }
        return value;
    }

    private static BigDecimal decimal(SentTable.Row row, String column, boolean required, List<FieldError> errors) {
        String value = row.cell(column);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(row.field(column), "is required: a decimal written as text, such as \"0.10\""));
            }
            return null;
        }
        if (row.numbers().contains(column)) {
            errors.add(new FieldError(row.field(column), "must be a decimal written as text, such as \"" + value
                    + "\": a JSON number is not exact in every reader"));
            return null;
        }
        String problem = Decimals.problem(value);
        if (problem != null) {
            errors.add(new FieldError(row.field(column), problem));
            return null;
        }
        return Decimals.parse(value);
    }
}
