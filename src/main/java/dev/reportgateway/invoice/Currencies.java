package dev.reportgateway.invoice;

import java.util.Currency;
import java.util.Locale;

/** ISO 4217 currencies as invoices use them: a code, and the digits of its minor unit (EUR 2, JPY 0, BHD 3). */
final class Currencies {

    private Currencies() {
    }

    /** The upper-case code of an ISO 4217 currency with a minor unit, or null when {@code code} is not one. */
    static String code(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return currency.getDefaultFractionDigits() < 0 ? null : currency.getCurrencyCode();
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Digits after the point of an amount in {@code code} (a code {@link #code} accepted). */
    static int minorDigits(String code) {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }
}
