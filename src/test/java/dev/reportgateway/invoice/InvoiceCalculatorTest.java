package dev.reportgateway.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reportgateway.store.CustomerStore.Customer;
import dev.reportgateway.store.UsageRowStore.BillableTotal;

/** The money rules of invoices: exact decimals, each line rounded once, subtotals of rounded lines, nothing dropped. */
class InvoiceCalculatorTest {

    private static final String A = "0a000000-0000-4000-8000-00000000000a";
    private static final String B = "0b000000-0000-4000-8000-00000000000b";

    @Test
    void tenthsAndFifthsAreExactWhereBinaryFloatingPointIsNot() {
        // 0.1 + 0.2 is 0.30000000000000004 in double; 0.10 × 3 is 0.30000000000000004 too
        assertEquals(0.30000000000000004, 0.1 + 0.2);
        Invoice.Customer customer = one(price(List.of(item("storage", "GiB", "0.10"), item("servers", "quantity", "0.20")),
                total(A, "storage", "GiB", "3"), total(A, "servers", "quantity", "1.5")));
        assertEquals(List.of(line("servers", "1.5", "0.20", "0.30"), line("storage", "3", "0.10", "0.30")), amounts(customer));
        assertEquals(List.of(new Invoice.Amount("EUR", new BigDecimal("0.60"))), customer.subtotals());
    }

    @Test
    void aPriceOf1005IsRoundedHalfUpOnceAsDocumentedAndOtherModesAreHonoured() {
        // in double, 1.005 is 1.00499999999999989...: rounding it to cents gives 1.00
        assertEquals("1.00", String.format(java.util.Locale.ROOT, "%.2f", Math.round(1.005 * 100) / 100.0));
        List<PriceItem> prices = List.of(item("storage", "GiB", "1.005"));
        assertEquals(new BigDecimal("1.01"), one(price(prices, total(A, "storage", "GiB", "1"))).lines().get(0).amount());
        assertEquals(new BigDecimal("12.40"), one(price(prices, total(A, "storage", "GiB", "12.34"))).lines().get(0).amount(),
                "12.34 × 1.005 = 12.4017");
        assertEquals(new BigDecimal("2.02"), one(price(prices, total(A, "storage", "GiB", "2.01"))).lines().get(0).amount(),
                "2.01 × 1.005 = 2.02005");
        InvoiceCalculator evenly = new InvoiceCalculator(prices, RoundingMode.HALF_EVEN, false);
        assertEquals(new BigDecimal("1.00"), evenly.price(List.of(total(A, "storage", "GiB", "1")), Map.of()).customers().get(0)
                .lines().get(0).amount(), "1.005 is halfway: HALF_EVEN keeps the even cent");
    }

    @Test
    void quantitiesWithTwoDecimalsGiveExactAmountsAndSubtotalsAddTheRoundedLines() {
        List<PriceItem> prices = List.of(item("a", "GiB", "0.10"), item("b", "GiB", "0.10"), item("c", "GiB", "0.10"));
        Invoice.Customer customer = one(price(prices, total(A, "a", "GiB", "33.33"), total(A, "b", "GiB", "33.33"),
                total(A, "c", "GiB", "33.33")));
        // each line 3.333 → 3.33; the subtotal is 9.99, not the 10.00 that rounding 9.999 would give
        assertEquals(List.of(line("a", "33.33", "0.10", "3.33"), line("b", "33.33", "0.10", "3.33"), line("c", "33.33", "0.10", "3.33")),
                amounts(customer));
        assertEquals(List.of(new Invoice.Amount("EUR", new BigDecimal("9.99"))), customer.subtotals());
    }

    @Test
    void theCurrencysMinorUnitDecidesTheRounding() {
        Invoice.Customer yen = one(price(List.of(new PriceItem("storage", null, "GiB", new BigDecimal("0.5"), "JPY", null, null, null)),
                total(A, "storage", "GiB", "3")));
        assertEquals(new BigDecimal("2"), yen.lines().get(0).amount(), "1.5 yen rounds half-up to 2");
        Invoice.Customer dinar = one(price(List.of(new PriceItem("storage", null, "GiB", new BigDecimal("0.0005"), "BHD", null, null, null)),
                total(A, "storage", "GiB", "3")));
        assertEquals(new BigDecimal("0.002"), dinar.lines().get(0).amount(), "0.0015 dinar rounds to 3 decimals");
    }

    @Test
    void includedQuantityIsFreeAndTheMinimumChargeAppliesOnlyToWhatIsCharged() {
        PriceItem storage = new PriceItem("storage", null, "GiB", new BigDecimal("0.10"), "EUR", "Storage", new BigDecimal("10"),
                new BigDecimal("5.00"));
        InvoiceCalculator.Priced priced = price(List.of(storage), total(A, "storage", "GiB", "12.50"), total(B, "storage", "GiB", "8"));
        Invoice.Line charged = priced.customers().get(0).lines().get(0);
        assertEquals(new BigDecimal("12.5"), charged.quantity());
        assertEquals(new BigDecimal("10"), charged.includedQuantity());
        assertEquals(new BigDecimal("2.5"), charged.chargedQuantity());
        assertEquals(new BigDecimal("5.00"), charged.amount(), "0.25 is less than the minimum charge");
        assertEquals(Boolean.TRUE, charged.minimumChargeApplied());
        assertEquals("Storage", charged.description());
        assertEquals(1, priced.customers().size(), "B used 8 of 10 included GiB: a zero line, left out, and no minimum charge");

        InvoiceCalculator.Priced withZero = new InvoiceCalculator(List.of(storage), RoundingMode.HALF_UP, true)
                .price(List.of(total(B, "storage", "GiB", "8")), Map.of());
        Invoice.Line free = withZero.customers().get(0).lines().get(0);
        assertEquals(new BigDecimal("0.00"), free.amount());
        assertEquals(BigDecimal.ZERO, free.chargedQuantity());
        assertNull(free.minimumChargeApplied());
    }

    @Test
    void aSkuPriceWinsOverItsItemsAndTheCustomersCurrencyChoosesAmongCurrencies() {
        List<PriceItem> prices = List.of(item("storage", "GiB", "0.10"),
                new PriceItem(null, "SKU-GOLD", "GiB", new BigDecimal("0.50"), "EUR", null, null, null),
                new PriceItem("servers", null, "quantity", new BigDecimal("10"), "EUR", null, null, null),
                new PriceItem("servers", null, "quantity", new BigDecimal("11"), "USD", null, null, null));
        List<BillableTotal> totals = List.of(new BillableTotal(A, "Alpha", "storage", "SKU-GOLD", "GiB", new BigDecimal("2")),
                new BillableTotal(A, "Alpha", "storage", "SKU-PLAIN", "GiB", new BigDecimal("2")),
                total(A, "servers", "quantity", "1"), total(B, "servers", "quantity", "1"));
        InvoiceCalculator.Priced priced = new InvoiceCalculator(prices, RoundingMode.HALF_UP, false)
                .price(totals, Map.of(A, new Customer(A, "PSA-A", null, "USD")));
        Invoice.Customer alpha = priced.customers().stream().filter(c -> c.tenantId().equals(A)).findFirst().orElseThrow();
        assertEquals("PSA-A", alpha.externalId());
        assertEquals("Alpha", alpha.name(), "the report's name when the mapping gives none");
        assertEquals(List.of(line("servers", "1", "11", "11.00")), amounts(alpha), "USD, the customer's currency");
        assertEquals(List.of("no price in USD, the customer's currency", "no price in USD, the customer's currency"),
                alpha.unpriced().stream().map(Invoice.Unpriced::reason).toList(), "the EUR storage prices do not apply to a USD customer");

        Invoice.Customer other = priced.customers().stream().filter(c -> c.tenantId().equals(B)).findFirst().orElseThrow();
        assertTrue(other.lines().isEmpty());
        assertEquals("priced in EUR, USD: map the customer to one currency (PUT /billing/customers)", other.unpriced().get(0).reason());

        InvoiceCalculator.Priced euro = new InvoiceCalculator(prices, RoundingMode.HALF_UP, false).price(totals.subList(0, 2), Map.of());
        assertEquals(List.of(new BigDecimal("1.00"), new BigDecimal("0.20")),
                euro.customers().get(0).lines().stream().map(Invoice.Line::amount).toList(), "SKU-GOLD 0.50, SKU-PLAIN its item's 0.10");
    }

    @Test
    void whatCannotBePricedIsListedWithItsReasonAndSummedOverCustomers() {
        List<PriceItem> prices = List.of(item("storage", "quantity", "1"));
        InvoiceCalculator.Priced priced = price(prices, total(A, "storage", "GiB", "1.25"), total(B, "storage", "GiB", "2"),
                total(A, "backup", "GiB", "3"), total(B, "nothing", "GiB", "0"), total(A, "unitless", null, "4"));
        assertEquals(List.of(
                new Invoice.Unpriced("backup", null, new BigDecimal("3"), "GiB", "no price for this offering item or SKU", 1),
                new Invoice.Unpriced("storage", null, new BigDecimal("3.25"), "GiB", "priced per quantity, but billed in GiB", 2),
                new Invoice.Unpriced("unitless", null, new BigDecimal("4"), null, "no price for this offering item or SKU", 1)),
                priced.unpriced(), "a zero quantity is nothing to bill");
        assertEquals(List.of(), priced.totals());
        assertEquals(2, priced.customers().size(), "a customer with only unpriced usage is still shown");
    }

    @Test
    void totalsAddSubtotalsPerCurrencyAndCustomersAreOrderedByName() {
        List<PriceItem> prices = List.of(item("storage", "GiB", "0.333"),
                new PriceItem("servers", null, "quantity", new BigDecimal("7"), "USD", null, null, null));
        InvoiceCalculator.Priced priced = new InvoiceCalculator(prices, RoundingMode.HALF_UP, false).price(List.of(
                new BillableTotal(B, "Bravo", "storage", null, "GiB", new BigDecimal("1")),
                new BillableTotal(A, "Alpha", "storage", null, "GiB", new BigDecimal("1")),
                new BillableTotal(A, "Alpha", "servers", null, "quantity", new BigDecimal("2"))), Map.of());
        assertEquals(List.of("Alpha", "Bravo"), priced.customers().stream().map(Invoice.Customer::name).toList());
        assertEquals(List.of(new Invoice.Amount("EUR", new BigDecimal("0.66")), new Invoice.Amount("USD", new BigDecimal("14.00"))),
                priced.totals(), "0.33 + 0.33, not 0.666 rounded");
    }

    private static InvoiceCalculator.Priced price(List<PriceItem> prices, BillableTotal... totals) {
        return new InvoiceCalculator(prices, RoundingMode.HALF_UP, false).price(List.of(totals), Map.of());
    }

    private static Invoice.Customer one(InvoiceCalculator.Priced priced) {
        assertEquals(1, priced.customers().size());
        return priced.customers().get(0);
    }

    private static PriceItem item(String offeringItem, String unit, String price) {
        return new PriceItem(offeringItem, null, unit, new BigDecimal(price), "EUR", null, null, null);
    }

    private static BillableTotal total(String tenant, String item, String unit, String quantity) {
        return new BillableTotal(tenant, null, item, null, unit, new BigDecimal(quantity));
    }

    /** (item, quantity, unit price, amount) of each line, compared as text so that the scale counts too. */
    private static List<List<String>> amounts(Invoice.Customer customer) {
        return customer.lines().stream().map(line -> List.of(line.offeringItem(), line.quantity().toPlainString(),
                line.unitPrice().toPlainString(), line.amount().toPlainString())).toList();
    }

    private static List<String> line(String item, String quantity, String price, String amount) {
        return List.of(item, quantity, price, amount);
    }
}
