package dev.reportgateway.invoice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.Ids;
import dev.reportgateway.report.InvalidRequestException;
import dev.reportgateway.store.CustomerStore.Customer;

/** Checks a sent customer mapping and answers it, or refuses it with every error at once. */
final class CustomerValidator {

    /** The columns of a customer mapping, in the order its CSV is written. */
    static final Set<String> COLUMNS = new LinkedHashSet<>(List.of("tenant_id", "external_id", "name", "currency"));
    private static final int MAX_EXTERNAL_ID = 200;
    private static final int MAX_NAME = 500;

    private CustomerValidator() {
    }

    static List<Customer> validate(SentTable.Parsed table) {
        List<FieldError> errors = new ArrayList<>(table.errors());
        List<Customer> customers = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (SentTable.Row row : table.rows()) {
            int before = errors.size();
            String tenant = row.cell("tenant_id");
            if (tenant == null) {
                errors.add(new FieldError(row.field("tenant_id"), "is required: the tenant's UUID"));
            } else if (!Ids.isUuid(tenant)) {
                errors.add(new FieldError(row.field("tenant_id"), "must be a tenant UUID"));
            } else {
                tenant = tenant.toLowerCase(Locale.ROOT);
                String first = seen.putIfAbsent(tenant, row.where());
                if (first != null) {
                    errors.add(new FieldError(row.field("tenant_id"), "maps tenant " + tenant + " again (first at " + first + ")"));
                }
            }
            String externalId = row.cell("external_id");
            if (externalId == null) {
                errors.add(new FieldError(row.field("external_id"), "is required: the customer's id in the PSA or accounting tool"));
            } else if (externalId.length() > MAX_EXTERNAL_ID) {
                errors.add(new FieldError(row.field("external_id"), "is longer than " + MAX_EXTERNAL_ID + " characters"));
            }
            String name = row.cell("name");
            if (name != null && name.length() > MAX_NAME) {
                errors.add(new FieldError(row.field("name"), "is longer than " + MAX_NAME + " characters"));
            }
            String currency = row.cell("currency") == null ? null : Currencies.code(row.cell("currency"));
            if (row.cell("currency") != null && currency == null) {
                errors.add(new FieldError(row.field("currency"), "'" + row.cell("currency") + "' is not an ISO 4217 currency with a minor unit"));
            }
            if (errors.size() == before) {
                customers.add(new Customer(tenant, externalId, name, currency));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return customers;
    }
}
