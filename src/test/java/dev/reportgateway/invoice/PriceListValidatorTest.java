package dev.reportgateway.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.InvalidRequestException;

/** A price list is taken whole or refused with every bad cell named at once, from CSV and from JSON alike. */
class PriceListValidatorTest {

    private static final Function<String, Optional<String>> PLATFORM = item -> Optional.ofNullable(
            Map.of("local_storage", "GiB", "pw_base_servers", "quantity").get(item));

    @Test
    void aGoodCsvBecomesExactPrices() {
        List<PriceItem> items = PriceListValidator.validate(SentTable.csv(bytes("""
                \uFEFFoffering_item,sku,unit,unit_price,currency,description,included_quantity,minimum_charge
                local_storage,,GiB,0.10,eur,"Storage, per GiB",10,5.00
                ,SK-SERVER-GOLD,quantity,1.005,EUR,,,
                pw_base_servers,, quantity ,12,USD,,,
                """), PriceListValidator.COLUMNS), PLATFORM);
        assertEquals(List.of(
                new PriceItem("local_storage", null, "GiB", new BigDecimal("0.10"), "EUR", "Storage, per GiB", new BigDecimal("10"),
                        new BigDecimal("5.00")),
                new PriceItem(null, "SK-SERVER-GOLD", "quantity", new BigDecimal("1.005"), "EUR", null, null, null),
                new PriceItem("pw_base_servers", null, "quantity", new BigDecimal("12"), "USD", null, null, null)), items);
    }

    @Test
    void everyBadRowOfACsvIsListedAtOnce() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> PriceListValidator.validate(SentTable.csv(bytes("""
                offering_item,sku,unit,unit_price,currency
                local_storage,,GiB,0.10,EUR
                local_storage,,GiB,0.12,EUR
                pw_base_servers,,GiB,1,EUR
                backup,,bytes,-0.5,XYZ
                ,,quantity,1e3,EUR
                fss,,quantity,0.10000000001,EUR
                fss,,quantity,"1,50",EUR
                """), PriceListValidator.COLUMNS), PLATFORM));
        assertEquals(List.of(
                new FieldError("line 3", "prices offering item local_storage in EUR again (first at line 2)"),
                new FieldError("line 4: unit", "is GiB, but offering item pw_base_servers is billed in quantity"),
                new FieldError("line 5: unit", "'bytes' is not a billing unit: one of points, hours, GiB, quantity"),
                new FieldError("line 5: currency", "'XYZ' is not an ISO 4217 currency with a minor unit"),
                new FieldError("line 5: unit_price", "must not be negative"),
                new FieldError("line 6: offering_item", "is required (or sku): what the price is for"),
                new FieldError("line 6: unit_price", "must be a decimal written as text, such as 0.10 (digits, an optional point and"
                        + " decimals; no sign, exponent or thousands separator)"),
                new FieldError("line 7: unit_price", "has more than 10 decimals"),
                new FieldError("line 8: unit_price", "must be a decimal written as text, such as 0.10 (digits, an optional point and"
                        + " decimals; no sign, exponent or thousands separator)")),
                refused.errors());
    }

    @Test
    void everyBadItemOfJsonIsListedAtOnceAndJsonNumbersAreRefusedAsInexact() throws Exception {
        ObjectMapper json = new ObjectMapper();
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> PriceListValidator.validate(SentTable.json(
                json.readTree("""
                        {"items": [
                          {"offering_item": "local_storage", "unit": "GiB", "unit_price": 0.1, "currency": "EUR"},
                          {"offering_item": "local_storage", "unit": "GiB", "unit_price": "0.10", "currency": "EUR", "colour": "red"},
                          {"sku": "S", "unit": "quantity", "unit_price": "1", "currency": "JPY", "minimum_charge": "0.5"},
                          "not an object",
                          {"offering_item": "x", "unit": "points", "unit_price": "1", "currency": "EUR", "description": {"a": 1}}
                        ]}"""), "items", PriceListValidator.COLUMNS), PLATFORM));
        assertEquals(List.of(
                new FieldError("items[1].colour", "is not one of offering_item, sku, unit, unit_price, currency, description, "
                        + "included_quantity, minimum_charge"),
                new FieldError("items[3]", "must be an object"),
                new FieldError("items[4].description", "must be text"),
                new FieldError("items[0].unit_price", "must be a decimal written as text, such as \"0.1\": a JSON number is not exact"
                        + " in every reader"),
                new FieldError("items[2].minimum_charge", "has more decimals than JPY has (0)")), refused.errors());
    }

    @Test
    void aHeaderWithAnUnknownOrRepeatedColumnAndAnEmptyListAreRefused() {
        InvalidRequestException header = assertThrows(InvalidRequestException.class, () -> PriceListValidator.validate(
                SentTable.csv(bytes("offering_item,unit,price,currency,unit\n"), PriceListValidator.COLUMNS), PLATFORM));
        assertEquals(List.of("column 'price' is not one of offering_item, sku, unit, unit_price, currency, description, "
                + "included_quantity, minimum_charge", "column 'unit' appears twice"),
                header.errors().stream().map(FieldError::message).toList());
        InvalidRequestException empty = assertThrows(InvalidRequestException.class, () -> PriceListValidator.validate(
                SentTable.csv(bytes("offering_item,unit,unit_price,currency\n"), PriceListValidator.COLUMNS), PLATFORM));
        assertEquals(List.of(new FieldError("body", "has no prices: send at least one row")), empty.errors());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
