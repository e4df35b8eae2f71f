package dev.reportgateway.usage;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** Builds a {@link UsageRow} from one record's named fields, whichever format they were read from. */
final class UsageRowAssembler {

    /** The fields every record must have. */
    static final List<String> REQUIRED = List.of("tenant.id", "tenant.kind", "name",
            "usage.absolute.production", "usage.absolute.total", "usage.absolute.trial",
            "usage.delta.production", "usage.delta.total", "usage.delta.trial",
            "usage.effective.production", "usage.effective.total", "usage.effective.trial");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private UsageRowAssembler() {
    }

    /** The row, or a {@link UsageFormatException} naming {@code where} and the field at fault. */
    static UsageRow assemble(RowFields fields, String where) {
        String item = required(fields, "name", where);
        String unit = optional(fields, "measurement_unit");
        if (unit == null) {
            unit = inferredUnit(item);
        }
        UsageValues absolute = values(fields, "absolute", where);
        UsageValues delta = values(fields, "delta", where);
        UsageValues effective = values(fields, "effective", where);
        return new UsageRow(
                required(fields, "tenant.id", where),
                optional(fields, "tenant.name"),
                required(fields, "tenant.kind", where),
                item,
                optional(fields, "sku"),
                optional(fields, "edition"),
                unit,
                optional(fields, "infra.id"),
                absolute, delta, effective,
                BillingUnits.convert(item, unit, absolute, delta, effective));
    }

    /** The unit a report means when it omits {@code measurement_unit}. */
    static String inferredUnit(String offeringItem) {
        if (offeringItem.contains("storage")) {
            return "bytes";
        }
        if (BillingUnits.isComputePoints(offeringItem)) {
            return "seconds";
        }
        return "quantity";
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
            return BigDecimal.ZERO;
        }
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new UsageFormatException(where + ": field " + name + " is not a number: '" + text + "'");
        }
        return new BigDecimal(trimmed);
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
