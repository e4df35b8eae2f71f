package dev.reportgateway.invoice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.acronis.model.OfferingItem;
import dev.reportgateway.report.Digests;
import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.InvalidRequestException;
import dev.reportgateway.report.ReportService;
import dev.reportgateway.report.TenantOfferingItems;
import dev.reportgateway.store.PriceListStore;
import dev.reportgateway.usage.BillingUnits;

/**
 * Price lists: each PUT stores a new version (checked row by row first), every version stays readable until the
 * list is deleted. Units are checked against the platform's offering items of the default tenant where it can be
 * asked; where it cannot, the answer says so and invoices still refuse to price a quantity in another unit.
 */
@ApplicationScoped
public class PriceLists {

    private static final Logger LOG = Logger.getLogger(PriceLists.class);
    private static final TypeReference<List<PriceItem>> ITEMS = new TypeReference<>() {
    };
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final PriceListStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReportService reports;
    private final TenantOfferingItems offeringItems;

    PriceLists(PriceListStore store, ObjectMapper json, Clock clock, ReportService reports, TenantOfferingItems offeringItems) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.reports = reports;
        this.offeringItems = offeringItems;
    }

    /** The columns of a price list CSV, in order. */
    public static Set<String> columns() {
        return PriceListValidator.COLUMNS;
    }

    /** Checks a price list sent as CSV and stores it as the next version of {@code name}. */
    public PriceList putCsv(String name, byte[] body, String caller) {
        return put(name, SentTable.csv(body, PriceListValidator.COLUMNS), caller);
    }

    /** Checks a price list sent as JSON ({@code [...]} or {@code {"items": [...]}}) and stores it as the next version. */
    public PriceList putJson(String name, JsonNode body, String caller) {
        return put(name, SentTable.json(body, "items", PriceListValidator.COLUMNS), caller);
    }

    /** The version asked for, or the latest when {@code version} is null. */
    public PriceList find(String name, Integer version) {
        requireName(name);
        PriceListStore.Version stored = store.find(name, version).orElseThrow(() -> new PriceListNotFoundException(name, version));
        return new PriceList(stored.name(), stored.version(), stored.createdAt(), stored.createdBy(), stored.digest(), null,
                items(stored));
    }

    /** Every price list, by name. */
    public List<PriceList.Summary> list() {
        return store.list().stream()
                .map(list -> new PriceList.Summary(list.name(), list.latestVersion(), list.versions(), list.updatedAt()))
                .toList();
    }

    /** Deletes every version of {@code name}. */
    public void delete(String name) {
        requireName(name);
        if (!store.delete(name)) {
            throw new PriceListNotFoundException(name, null);
        }
    }

    private PriceList put(String name, SentTable.Parsed table, String caller) {
        requireName(name);
        List<String> warnings = new ArrayList<>();
        List<PriceItem> items = PriceListValidator.validate(table, itemUnits(warnings));
        String text;
        try {
            text = json.writeValueAsString(items);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write price list items", impossible);
        }
        PriceListStore.Version stored = store.add(name, text, Digests.sha256Hex(text), caller, clock.instant());
        LOG.infof("Price list %s version %d stored by %s: %d prices", name, stored.version(), caller, items.size());
        return new PriceList(name, stored.version(), stored.createdAt(), caller, stored.digest(),
                warnings.isEmpty() ? null : warnings, items);
    }

    /**
     * The billing unit of each offering item the platform lists for the default tenant; nothing (and a warning) when
     * the platform cannot be asked.
     */
    private Function<String, Optional<String>> itemUnits(List<String> warnings) {
        List<OfferingItem> offered;
        try {
            offered = offeringItems.of(reports.defaultTenantId());
        } catch (RuntimeException unavailable) {
            LOG.warnf("Price list units not checked against the platform: %s", unavailable.getMessage());
            warnings.add("Units were not checked against the platform's offering items (it could not be asked); invoices "
                    + "still list a quantity billed in another unit than its price as unpriced.");
            return item -> Optional.empty();
        }
        var units = offered.stream().filter(item -> item.name() != null && item.measurementUnit() != null)
                .collect(Collectors.groupingBy(OfferingItem::name, Collectors.mapping(
                        item -> BillingUnits.billingUnit(item.measurementUnit(), item.name(), item.usageName()), Collectors.toSet())));
        return item -> {
            Set<String> known = units.get(item);
            return known != null && known.size() == 1 ? Optional.of(known.iterator().next()) : Optional.empty();
        };
    }

    private List<PriceItem> items(PriceListStore.Version stored) {
        try {
            return json.readValue(stored.items(), ITEMS);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Unreadable items of price list " + stored.name() + " version " + stored.version(), corrupt);
        }
    }

    private static void requireName(String name) {
        if (name == null || !name.matches(NAME)) {
            throw new InvalidRequestException(List.of(new FieldError("name",
                    "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit")));
        }
    }
}
