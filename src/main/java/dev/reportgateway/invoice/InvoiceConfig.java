package dev.reportgateway.invoice;

import java.math.RoundingMode;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How invoices are computed (see docs/api.md#invoices). */
@ConfigMapping(prefix = "gateway.invoice")
public interface InvoiceConfig {

    /**
     * How each line's amount is rounded to its currency's minor unit: {@code HALF_UP} (1.005 → 1.01),
     * {@code HALF_EVEN} (banker's rounding), {@code UP}, {@code DOWN}, {@code CEILING}, {@code FLOOR} or {@code HALF_DOWN}.
     */
    @WithDefault("HALF_UP")
    RoundingMode rounding();
}
