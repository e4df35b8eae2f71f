package dev.reportgateway.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPeriod;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportSchedule;

/**
 * Checks a create-report body against the platform's {@code reportPost} rules and the gateway's own (no future
 * period, recipients for {@code send}, no unknown field anywhere) and turns it into a {@link ReportPost}.
 * Every violation is collected, so the caller sees them all at once. Fills in no defaults.
 */
final class CreateReportValidator {

    static final Set<String> RESULT_ACTIONS = Set.of("save", "send");
    static final Set<String> LEVELS = Set.of("itself", "direct_partners", "all_partners", "all_customers", "accounts");
    static final Set<String> KINDS = Set.of("usage_daily", "usage_summary", "usage_current", "usage_breakdown");
    static final Set<String> FORMATS = Set.of("csv", "html", "json_v1", "csv_v2_0", "json_v2_0");
    static final Set<String> SCHEDULE_TYPES = Set.of("once", "monthly");

    private static final List<String> TOP_FIELDS = List.of("recipients", "result_action", "parameters", "schedule", "generation_date");
    private static final List<String> PARAMETER_FIELDS = List.of("tenant_id", "level", "kind", "formats", "period", "hide_zero_usage", "show_skus");
    private static final List<String> PERIOD_FIELDS = List.of("start", "end");
    private static final List<String> SCHEDULE_FIELDS = List.of("type", "enabled");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;

    CreateReportValidator(Clock clock) {
        this.clock = clock;
    }

    /** The body as a {@link ReportPost}, ids lower-cased and string booleans made booleans; or every error at once. */
    ReportPost validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        Check check = new Check();
        check.unknownFields(body, "", TOP_FIELDS);
        String resultAction = check.enumValue(body, "result_action", "", RESULT_ACTIONS, true);
        List<String> recipients = check.uuidList(body, "recipients", "");
        if ("send".equals(resultAction) && (recipients == null || recipients.isEmpty()) && !check.failed("recipients")) {
            check.add("recipients", "at least one recipient (a user UUID) is required when result_action is send");
        }
        ReportParameters parameters = parameters(body, check);
        ReportSchedule schedule = schedule(body, check);
        LocalDate generationDate = check.date(body, "generation_date", "", false);
        check.throwIfAny();
        return new ReportPost(recipients, resultAction, parameters, schedule,
                generationDate == null ? null : generationDate.toString());
    }

    private ReportParameters parameters(JsonNode body, Check check) {
        JsonNode node = check.object(body, "parameters", "", true);
        if (node == null) {
            return null;
        }
        String at = "parameters.";
        check.unknownFields(node, at, PARAMETER_FIELDS);
        String tenantId = check.uuid(node, "tenant_id", at, false);
        String level = check.enumValue(node, "level", at, LEVELS, true);
        String kind = check.enumValue(node, "kind", at, KINDS, true);
        List<String> formats = check.formats(node, at);
        ReportPeriod period = period(node, check);
        Boolean hideZeroUsage = check.bool(node, "hide_zero_usage", at);
        Boolean showSkus = check.bool(node, "show_skus", at);
        return new ReportParameters(tenantId, level, kind, formats, period, hideZeroUsage, showSkus);
    }

    private ReportPeriod period(JsonNode parameters, Check check) {
        JsonNode node = check.object(parameters, "period", "parameters.", false);
        if (node == null) {
            return null;
        }
        String at = "parameters.period.";
        check.unknownFields(node, at, PERIOD_FIELDS);
        LocalDate start = check.date(node, "start", at, true);
        LocalDate end = check.date(node, "end", at, true);
        if (start != null && end != null && start.isAfter(end)) {
            check.add(at + "end", "must not be before period.start (" + start + ")");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (end != null && end.isAfter(today)) {
            check.add(at + "end", "must not be after today (" + today + ", UTC): the platform refuses future periods");
        }
        return start == null || end == null ? null : new ReportPeriod(start.toString(), end.toString());
    }

    private ReportSchedule schedule(JsonNode body, Check check) {
        JsonNode node = check.object(body, "schedule", "", true);
        if (node == null) {
            return null;
        }
        check.unknownFields(node, "schedule.", SCHEDULE_FIELDS);
        String type = check.enumValue(node, "type", "schedule.", SCHEDULE_TYPES, true);
        Boolean enabled = check.bool(node, "enabled", "schedule.");
        return new ReportSchedule(type, enabled);
    }

    /** Collects field errors while reading typed values out of a JSON tree. */
    private static final class Check {

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

        List<String> formats(JsonNode parent, String at) {
            JsonNode value = present(parent, "formats", at, false);
            if (value == null) {
                return null;
            }
            if (!value.isArray() || value.isEmpty()) {
                add(at + "formats", "must be a non-empty array of: " + sorted(FORMATS));
                return null;
            }
            List<String> formats = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isTextual() && FORMATS.contains(item.asText())) {
                    formats.add(item.asText());
                } else {
                    add(at + "formats[" + i + "]", "must be one of: " + sorted(FORMATS));
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
}
