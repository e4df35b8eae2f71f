package dev.reportgateway.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes usage rows as RFC 4180 CSV (for {@code Accept: text/csv}), one line per row as they come; text cells that
 * a spreadsheet would run as formulas are neutralised ({@link CsvCells}).
 */
public final class UsageCsvWriter implements Consumer<UsageRow> {

    /** The header line's column names, in order. */
    public static final List<String> COLUMNS = List.of(
            "tenant_id", "tenant_name", "tenant_kind", "offering_item", "sku", "edition", "unit", "infra_id",
            "absolute_production", "absolute_total", "absolute_trial",
            "delta_production", "delta_total", "delta_trial",
            "effective_production", "effective_total", "effective_trial",
            "converted_unit",
            "converted_absolute_production", "converted_absolute_total", "converted_absolute_trial",
            "converted_delta_production", "converted_delta_total", "converted_delta_trial",
            "converted_effective_production", "converted_effective_total", "converted_effective_trial",
            "billable_quantity", "billable_unit", "billable_measure");

    private final Writer out;

    /** Writes the header line at once; the caller flushes and closes {@code out}. */
    public UsageCsvWriter(Writer out) throws IOException {
        this.out = out;
        line(COLUMNS.toArray(String[]::new));
    }

    /** Writes one row; I/O failures surface as {@link UncheckedIOException}. */
    @Override
    public void accept(UsageRow row) {
        ConvertedUsage converted = row.converted();
        try {
            line(row.tenantId(), row.tenantName(), row.tenantKind(), row.offeringItem(), row.sku(), row.edition(),
                    row.unit(), row.infraId(),
                    plain(row.absolute().production()), plain(row.absolute().total()), plain(row.absolute().trial()),
                    plain(row.delta().production()), plain(row.delta().total()), plain(row.delta().trial()),
                    plain(row.effective().production()), plain(row.effective().total()),
                    plain(row.effective().trial()),
                    converted.unit(),
                    plain(converted.absolute().production()), plain(converted.absolute().total()),
                    plain(converted.absolute().trial()),
                    plain(converted.delta().production()), plain(converted.delta().total()),
                    plain(converted.delta().trial()),
                    plain(converted.effective().production()), plain(converted.effective().total()),
                    plain(converted.effective().trial()),
                    plain(row.billable().quantity()), row.billable().unit(), row.billable().measure());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String... cells) throws IOException {
        CsvCells.line(out, cells);
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
