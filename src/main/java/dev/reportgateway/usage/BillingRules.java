package dev.reportgateway.usage;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which reported value a row is billed on, as Acronis' own billing module does it (acronis-cyber-cloud-whmcs,
 * {@code MetricsFetcher}): compute-points items on {@code delta} (used in the period), every other item on
 * {@code absolute} (in use at the period's end); customers on {@code total}, partners and the other kinds on
 * {@code production} (their trial usage is not billed). An item counts as compute points when its name, or the
 * {@code usage_name} the platform gives it, is {@code compute_points} or ends in {@code _compute_points}.
 * Overrides by offering-item name pattern ({@code *} matches any text) come first; an exact name beats a
 * pattern, and a longer pattern beats a shorter one.
 */
public final class BillingRules {

    /** The two measures a row can be billed on. */
    public enum Measure {
        ABSOLUTE, DELTA;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The tenant kind of end customers: the ones billed, whose rows partners' and folders' rows add up. */
    public static final String CUSTOMER_KIND = "customer";
    /** The tenant kinds the platform documents; rows of any other kind are reported in warnings. */
    public static final Set<String> KNOWN_TENANT_KINDS = Set.of("partner", "folder", CUSTOMER_KIND, "unit");

    private static final List<Rule> VENDOR_DELTA = List.of(
            Rule.of("compute_points", Measure.DELTA), Rule.of("*_compute_points", Measure.DELTA));

    private record Rule(String pattern, Pattern regex, Measure measure) {

        static Rule of(String pattern, Measure measure) {
            return new Rule(pattern, Pattern.compile(glob(pattern)), measure);
        }

        boolean matches(String name) {
            return name != null && regex.matcher(name).matches();
        }
    }

    private final List<Rule> overrides;

    /** Rules with overrides by offering-item name pattern (e.g. {@code "*_storage" -> ABSOLUTE}). */
    public BillingRules(Map<String, Measure> overrides) {
        this.overrides = overrides.entrySet().stream()
                .map(entry -> Rule.of(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing((Rule o) -> o.pattern().contains("*"))
                        .thenComparing(o -> -o.pattern().length())
                        .thenComparing(Rule::pattern))
                .toList();
    }

    /** The vendor's rules, without overrides. */
    public static BillingRules vendor() {
        return new BillingRules(Map.of());
    }

    /** The measure of {@code offeringItem}, whose platform {@code usageName} may be null. */
    public Measure measure(String offeringItem, String usageName) {
        for (Rule override : overrides) {
            if (override.matches(offeringItem)) {
                return override.measure();
            }
        }
        return isComputePoints(offeringItem) || isComputePoints(usageName) ? Measure.DELTA : Measure.ABSOLUTE;
    }

    /** {@code total} for customers, {@code production} for every other kind (the vendor's rule). */
    public static String column(String tenantKind) {
        return CUSTOMER_KIND.equals(tenantKind) ? "total" : "production";
    }

    /** True for {@code compute_points} and the {@code *_compute_points} names. */
    static boolean isComputePoints(String name) {
        return VENDOR_DELTA.stream().anyMatch(rule -> rule.matches(name));
    }

    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return regex.toString();
    }
}
