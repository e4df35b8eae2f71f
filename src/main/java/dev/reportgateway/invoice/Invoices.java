package dev.reportgateway.invoice;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reportgateway.billing.BillingRun;
import dev.reportgateway.store.CustomerStore;
import dev.reportgateway.store.UsageRowStore;
import dev.reportgateway.usage.BillingRules;

/**
 * Invoices of done billing runs: the run's billable quantities of customers, summed by the database, priced with one
 * version of a price list and named with the customer mapping. Nothing is stored: the same run, price-list version
 * and mapping give the same invoice.
 */
@ApplicationScoped
public class Invoices {

    /** The tenant kind that is invoiced: partners' and folders' rows add up their customers' and would bill twice. */
    static final String INVOICED_KIND = BillingRules.CUSTOMER_KIND;

    private final UsageRowStore rows;
    private final CustomerStore customers;
    private final PriceLists priceLists;
    private final InvoiceConfig config;

    Invoices(UsageRowStore rows, CustomerStore customers, PriceLists priceLists, InvoiceConfig config) {
        this.rows = rows;
        this.customers = customers;
        this.priceLists = priceLists;
        this.config = config;
    }

    /**
     * The invoice of a done {@code run} priced with {@code priceList} at {@code version} (latest when null), for one
     * customer when {@code tenantId} is not null; zero-amount lines only with {@code includeZero}.
     */
    public Invoice invoice(BillingRun run, String priceList, Integer version, String tenantId, boolean includeZero) {
        PriceList prices = priceLists.find(priceList, version);
        Map<String, CustomerStore.Customer> mapping = customers.list().stream()
                .collect(Collectors.toMap(CustomerStore.Customer::tenantId, Function.identity()));
        InvoiceCalculator.Priced priced = new InvoiceCalculator(prices.items(), config.rounding(), includeZero)
                .price(rows.billableTotals(run.id(), INVOICED_KIND, tenantId), mapping);
        return new Invoice(run.id(), run.tenantId(), new Invoice.Period(run.period().start(), run.period().end()), run.level(),
                new Invoice.PriceListUsed(prices.name(), prices.version(), prices.digest()), config.rounding().name(), includeZero,
                java.util.List.of(INVOICED_KIND), priced.customers(), priced.totals(), priced.unpriced());
    }
}
