package dev.reportgateway.report;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Platform ids are UUIDs; the gateway accepts any letter case and forwards them lower-case. */
public final class Ids {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    /** The id lower-cased, or an {@link InvalidRequestException} naming {@code field}. */
    public static String requireUuid(String field, String text) {
        if (!isUuid(text)) {
            throw new InvalidRequestException(field, mustBeUuid());
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** The id lower-cased; or {@code null}, with an error naming {@code field} added to {@code errors}. */
    static String check(List<FieldError> errors, String field, String text) {
        if (isUuid(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        errors.add(new FieldError(field, mustBeUuid()));
        return null;
    }

    static String mustBeUuid() {
        return "must be a UUID such as 20dffb36-d77b-45c6-b2fa-39276e98d5fc";
    }
}
