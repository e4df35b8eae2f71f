package dev.reportgateway.invoice;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import dev.reportgateway.usage.CsvCells;

/**
 * An invoice as CSV for import: a header, then one line per customer × priced item (UTF-8, CRLF, RFC 4180), each
 * cell safe to open in a spreadsheet ({@link CsvCells}). {@code quantity} is the billable quantity; {@code amount}
 * already takes the included quantity and the minimum charge into account.
 */
public final class InvoiceCsvWriter {

    /** The header line's column names, in order. */
    public static final List<String> COLUMNS = List.of("external_id", "tenant_id", "customer", "period_start", "period_end",
            "item", "sku", "description", "quantity", "unit", "unit_price", "amount", "currency");

    private InvoiceCsvWriter() {
    }

    /** Writes {@code invoice}; the caller closes {@code out}. */
    public static void write(Invoice invoice, Writer out) throws IOException {
        CsvCells.line(out, COLUMNS.toArray(String[]::new));
        String start = invoice.period().start().toString();
        String end = invoice.period().end().toString();
        for (Invoice.Customer customer : invoice.customers()) {
            for (Invoice.Line line : customer.lines()) {
                CsvCells.line(out, customer.externalId(), customer.tenantId(), customer.name(), start, end, line.offeringItem(), line.sku(),
                        line.description(), line.quantity().toPlainString(), line.unit(), line.unitPrice().toPlainString(),
                        line.amount().toPlainString(), line.currency());
            }
        }
        out.flush();
    }
}
