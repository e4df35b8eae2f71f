package dev.reportgateway.report;

import java.util.regex.Pattern;

/** An {@code Idempotency-Key} is 1 to 255 visible ASCII characters (a UUID is a good choice). */
public final class IdempotencyKeys {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKeys() {
    }

    public static String require(String key) {
        if (!VALID.matcher(key).matches()) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }
}
