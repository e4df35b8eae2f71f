package dev.reportgateway.usage;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds a {@link UsageRow} as reported from one record's named fields, whichever format they were read from;
 * {@link UsageBilling} bills it. Usage numbers are general decimals ({@code 12}, {@code 1.5e3}, {@code +7},
 * {@code .5}); an empty or other cell is an error naming the record and the field, never a silent zero.
 */
final class UsageRowAssembler {

    /** The fields every record must have. */
    static final List<String> REQUIRED = List.of("tenant.id", "tenant.kind", "name",
            "usage.absolute.production", "usage.absolute.total", "usage.absolute.trial",
            "usage.delta.production", "usage.delta.total", "usage.delta.trial",
            "usage.effective.production", "usage.effective.total", "usage.effective.trial");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

    /** Bounds on a usage number's magnitude and precision (powers of ten), far beyond any real usage. */
    private static final int MAX_EXPONENT = 30;
    private static final int MAX_SCALE = 30;

    private UsageRowAssembler() {
    }

    /** The row as reported (not yet billed), or a {@link UsageFormatException} naming {@code where} and the field at fault. */
    static UsageRow assemble(RowFields fields, String where) {
        return new UsageRow(
                required(fields, "tenant.id", where),
                optional(fields, "tenant.name"),
                required(fields, "tenant.kind", where),
                required(fields, "name", where),
                optional(fields, "sku"),
                optional(fields, "edition"),
                optional(fields, "measurement_unit"),
                optional(fields, "infra.id"),
                values(fields, "absolute", where),
                values(fields, "delta", where),
                values(fields, "effective", where),
                null, null);
    }

    private static UsageValues values(RowFields fields, String measure, String where) {
        String prefix = "usage." + measure + ".";
        return new UsageValues(
                number(fields, prefix + "production", where),
                number(fields, prefix + "total", where),
                number(fields, prefix + "trial", where));
    }

    private static BigDecimal number(RowFields fields, String name, String where) {
        String text = fields.get(name);
        if (text == null) {
            throw new UsageFormatException(where + ": field " + name + " is missing");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new UsageFormatException(where + ": field " + name + " is empty; a usage value must be a number");
        }
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new UsageFormatException(where + ": field " + name + " is not a number: '" + shortened(text) + "'");
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (value.signum() != 0 && (value.precision() - value.scale() - 1 > MAX_EXPONENT || value.scale() > MAX_SCALE)) {
            throw new UsageFormatException(where + ": field " + name + " is out of range: '" + trimmed + "'");
        }
        return value;
    }

    private static String shortened(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    private static String required(RowFields fields, String name, String where) {
        String value = optional(fields, name);
        if (value == null) {
            throw new UsageFormatException(where + ": field " + name + " is missing or empty");
        }
        return value;
    }

    private static String optional(RowFields fields, String name) {
        String text = fields.get(name);
        return text == null || text.isBlank() ? null : text.strip();
    }
}
