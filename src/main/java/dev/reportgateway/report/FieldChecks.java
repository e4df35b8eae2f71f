package dev.reportgateway.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed values out of a request's JSON tree and collects a {@link FieldError} for each one that is
 * missing, null, of the wrong type or out of range, so a validator can report them all at once.
 */
final class FieldChecks {

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    boolean failed(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + "["));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    void unknownFields(JsonNode node, String at, List<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                add(at + name, "unknown field; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    /** The field's node; {@code null} when absent (an error if required) or JSON null (always an error). */
    private JsonNode present(JsonNode parent, String name, String at, boolean required) {
        JsonNode value = parent.get(name);
        if (value == null) {
            if (required) {
                add(at + name, "is required");
            }
            return null;
        }
        if (value.isNull()) {
            add(at + name, required ? "is required and must not be null" : "must not be null (leave the field out instead)");
            return null;
        }
        return value;
    }

    JsonNode object(JsonNode parent, String name, String at, boolean required) {
        JsonNode value = present(parent, name, at, required);
        if (value != null && !value.isObject()) {
            add(at + name, "must be a JSON object");
            return null;
        }
        return value;
    }

    String enumValue(JsonNode parent, String name, String at, Set<String> allowed, boolean required) {
        JsonNode value = present(parent, name, at, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            add(at + name, "must be one of: " + sorted(allowed));
            return null;
        }
        return value.asText();
    }

    String uuid(JsonNode parent, String name, String at, boolean required) {
        JsonNode value = present(parent, name, at, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !Ids.isUuid(value.asText())) {
            add(at + name, Ids.mustBeUuid());
            return null;
        }
        return value.asText().toLowerCase(Locale.ROOT);
    }

    List<String> uuidList(JsonNode parent, String name, String at) {
        JsonNode value = present(parent, name, at, false);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            add(at + name, "must be an array of user UUIDs");
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual() && Ids.isUuid(item.asText())) {
                ids.add(item.asText().toLowerCase(Locale.ROOT));
            } else {
                add(at + name + "[" + i + "]", Ids.mustBeUuid());
            }
        }
        return ids;
    }

    List<String> formats(JsonNode parent, String at, Set<String> allowed) {
        JsonNode value = present(parent, "formats", at, false);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            add(at + "formats", "must be a non-empty array of: " + sorted(allowed));
            return null;
        }
        List<String> formats = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual() && allowed.contains(item.asText())) {
                formats.add(item.asText());
            } else {
                add(at + "formats[" + i + "]", "must be one of: " + sorted(allowed));
            }
        }
        return formats;
    }

    /** A JSON boolean, or the strings "true"/"false" some of the platform's own examples send. */
    Boolean bool(JsonNode parent, String name, String at) {
        JsonNode value = present(parent, name, at, false);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()))) {
            return Boolean.valueOf(value.asText().toLowerCase(Locale.ROOT));
        }
        add(at + name, "must be true or false");
        return null;
    }

    LocalDate date(JsonNode parent, String name, String at, boolean required) {
        JsonNode value = present(parent, name, at, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !DATE_SHAPE.matcher(value.asText()).matches()) {
            add(at + name, "must be a date written YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(value.asText(), STRICT_DATE);
        } catch (DateTimeParseException notADay) {
            add(at + name, "is not a calendar date");
            return null;
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
