package dev.reportgateway.usage;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** How usage rows are billed (see {@link BillingRules}). */
@ConfigMapping(prefix = "gateway.billing")
public interface BillingRulesConfig {

    /**
     * Overrides of the measure a row is billed on, by offering-item name pattern ({@code *} matches any text):
     * {@code gateway.billing.measures."pw_*_storage"=absolute} or {@code =delta}. Empty: the vendor's rule.
     */
    Map<String, BillingRules.Measure> measures();

    /** The rules these settings make. */
    default BillingRules rules() {
        return new BillingRules(measures());
    }
}
