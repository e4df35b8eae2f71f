package dev.reportgateway.invoice;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

/** Exact decimals as the invoice API reads and writes them: plain text, never a binary float, never an exponent. */
public final class Decimals {

    /** Most digits after the point in a price or quantity of a price list. */
    static final int MAX_SCALE = 10;
    private static final Pattern PLAIN = Pattern.compile("[0-9]{1,18}(\\.[0-9]+)?");

    private Decimals() {
    }

    /** {@code text} as a decimal if it is a plain non-negative decimal ({@code 12}, {@code 0.10}); null otherwise. */
    static BigDecimal parse(String text) {
        return text != null && PLAIN.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    /** Why {@code text} is not a price-list decimal, or null when it is one. */
    static String problem(String text) {
        if (text.startsWith("-") && parse(text.substring(1)) != null) {
            return "must not be negative";
        }
        BigDecimal value = parse(text);
        if (value == null) {
            return "must be a decimal written as text, such as 0.10 (digits, an optional point and decimals; no sign, exponent or thousands separator)";
        }
        if (value.scale() > MAX_SCALE) {
            return "has more than " + MAX_SCALE + " decimals";
        }
        return null;
    }

    /** The value without trailing zeros after the point and never with an exponent ({@code 12.50} → {@code 12.5}, {@code 100}). */
    public static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Writes a {@link BigDecimal} as a JSON string of its plain form: exact for every reader, JavaScript's included. */
    public static final class AsText extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toPlainString());
        }
    }
}
