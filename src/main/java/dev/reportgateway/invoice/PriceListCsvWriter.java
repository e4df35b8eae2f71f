package dev.reportgateway.invoice;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

import dev.reportgateway.usage.CsvCells;

/** A price list's items as the CSV a {@code PUT} takes: the header, then one line per price (UTF-8, CRLF). */
public final class PriceListCsvWriter {

    private PriceListCsvWriter() {
    }

    /** Writes {@code items}; the caller closes {@code out}. */
    public static void write(List<PriceItem> items, Writer out) throws IOException {
        CsvCells.line(out, PriceListValidator.COLUMNS.toArray(String[]::new));
        for (PriceItem item : items) {
            CsvCells.line(out, item.offeringItem(), item.sku(), item.unit(), plain(item.unitPrice()), item.currency(), item.description(),
                    plain(item.includedQuantity()), plain(item.minimumCharge()));
        }
        out.flush();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
