package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.reportgateway.usage.OfferingItemsCatalog.Offered;

class OfferingItemsCatalogTest {

    private static final String PARTNER = "0f000000-0000-4000-8000-000000000001";
    private static final String CUSTOMER = "0f000000-0000-4000-8000-00000000000c";

    private final List<String> asked = new ArrayList<>();
    private final Map<String, List<Offered>> items = Map.of(
            PARTNER, List.of(
                    new Offered("pw_base_adv_dr_compute_points", "pck_per_workload", "seconds", "compute_points"),
                    new Offered("local_storage", null, "bytes", "local_storage"),
                    new Offered("two_units", "a", "bytes", null),
                    new Offered("two_units", "b", "quantity", null)),
            CUSTOMER, List.of(new Offered("customer_only", "fss_per_user", "quantity", "users")));

    private OfferingItemsCatalog catalog() {
        return new OfferingItemsCatalog(() -> {
            asked.add("report tenant");
            return PARTNER;
        }, tenant -> {
            asked.add(tenant);
            return items.getOrDefault(tenant, List.of());
        });
    }

    @Test
    void itemsAreMatchedByNameAndEditionInTheReportTenantFirst() {
        OfferingItemsCatalog catalog = catalog();
        assertEquals(Optional.of(new ItemFacts("seconds", "compute_points")),
                catalog.find(CUSTOMER, "pw_base_adv_dr_compute_points", "pck_per_workload"));
        assertEquals(Optional.of(new ItemFacts("bytes", "local_storage")), catalog.find(CUSTOMER, "local_storage", null));
        assertEquals(Optional.of(new ItemFacts("bytes", "local_storage")),
                catalog.find(CUSTOMER, "local_storage", "other_edition"), "one unit for the name whatever the edition");
        assertEquals(Optional.of(new ItemFacts("quantity", "users")), catalog.find(CUSTOMER, "customer_only", "fss_per_user"),
                "then the row's own tenant");
        assertEquals(Optional.of(new ItemFacts("quantity", null)), catalog.find(CUSTOMER, "two_units", "b"));
        assertEquals(Optional.empty(), catalog.find(CUSTOMER, "two_units", "c"), "two units and no edition match: unknown");
        assertEquals(Optional.empty(), catalog.find(PARTNER, "nowhere", null));
        assertEquals(List.of("report tenant", PARTNER, CUSTOMER), asked, "each tenant asked once");
    }

    @Test
    void nothingIsAskedUntilARowNeedsAUnit() {
        catalog();
        assertEquals(List.of(), asked);
    }
}
