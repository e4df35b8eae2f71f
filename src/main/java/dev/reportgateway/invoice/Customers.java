package dev.reportgateway.invoice;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportgateway.store.CustomerStore;
import dev.reportgateway.store.CustomerStore.Customer;
import dev.reportgateway.usage.CsvCells;

/** The customer mapping: which customer of the PSA or accounting tool each tenant is, replaced as a whole by each PUT. */
@ApplicationScoped
public class Customers {

    private final CustomerStore store;
    private final Clock clock;

    Customers(CustomerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The columns of a customer mapping CSV, in order. */
    public static Set<String> columns() {
        return CustomerValidator.COLUMNS;
    }

    /** Replaces the mapping with one sent as CSV. */
    public List<Customer> putCsv(byte[] body) {
        return replace(CustomerValidator.validate(SentTable.csv(body, CustomerValidator.COLUMNS)));
    }

    /** Replaces the mapping with one sent as JSON ({@code [...]} or {@code {"customers": [...]}}). */
    public List<Customer> putJson(JsonNode body) {
        return replace(CustomerValidator.validate(SentTable.json(body, "customers", CustomerValidator.COLUMNS)));
    }

    /** Every mapped customer, by tenant id. */
    public List<Customer> list() {
        return store.list();
    }

    /** Writes {@code customers} as the CSV a PUT takes (header, one line per customer); the caller closes {@code out}. */
    public static void writeCsv(List<Customer> customers, Writer out) throws IOException {
        CsvCells.line(out, CustomerValidator.COLUMNS.toArray(String[]::new));
        for (Customer customer : customers) {
            CsvCells.line(out, customer.tenantId(), customer.externalId(), customer.name(), customer.currency());
        }
        out.flush();
    }

    private List<Customer> replace(List<Customer> customers) {
        store.replace(customers, clock.instant());
        return store.list();
    }
}
