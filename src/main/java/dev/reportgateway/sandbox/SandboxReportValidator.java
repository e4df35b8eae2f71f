package dev.reportgateway.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPeriod;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.ReportSchedule;

/**
 * Checks a create body as the platform's {@code reportPost} schema does (unknown fields refused at every
 * level, required fields, enums, UUIDs, dates) plus its period rules, leniently where the platform's own
 * examples are: booleans as {@code "true"}/{@code "false"}, {@code recipients} omitted for {@code save}.
 * Checks an update body as {@code reportPut} does, with the same leniency.
 */
@ApplicationScoped
public class SandboxReportValidator {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final List<String> TOP_FIELDS =
            List.of("recipients", "result_action", "parameters", "schedule", "generation_date");
    private static final List<String> PARAMETER_FIELDS =
            List.of("tenant_id", "level", "kind", "formats", "period", "hide_zero_usage", "show_skus");
    private static final List<String> PERIOD_FIELDS = List.of("start", "end");
    private static final List<String> SCHEDULE_FIELDS = List.of("type", "enabled");
    private static final List<String> PUT_TOP_FIELDS = List.of("recipients", "parameters", "schedule");
    private static final List<String> PUT_PARAMETER_FIELDS = List.of("level", "kind", "hide_zero_usage", "show_skus");
    private static final List<String> PUT_SCHEDULE_FIELDS = List.of("enabled");

    private static final List<String> RESULT_ACTIONS = List.of("save", "send");
    private static final List<String> LEVELS =
            List.of("itself", "direct_partners", "all_partners", "all_customers", "accounts");
    private static final List<String> KINDS =
            List.of("usage_daily", "usage_summary", "usage_current", "usage_breakdown");
    private static final List<String> FORMATS = List.of("csv", "html", "json_v1", "csv_v2_0", "json_v2_0");
    private static final List<String> SCHEDULE_TYPES = List.of("once", "monthly");
    private static final Set<String> BOOLEAN_STRINGS = Set.of("true", "false");

    private final Clock clock;

    @Inject
    SandboxReportValidator() {
        this(Clock.systemUTC());
    }

    SandboxReportValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * The body as a {@link ReportPost} with booleans normalised and nothing defaulted.
     *
     * @throws SandboxError 400 naming every violated field path
     */
    ReportPost validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SandboxError.badRequest("body: must be a JSON object");
        }
        List<String> violations = new ArrayList<>();
        unknownFields(body, "", TOP_FIELDS, violations);
        String resultAction = oneOf(body, "", "result_action", RESULT_ACTIONS, true, violations);
        List<String> recipients = recipients(body, violations);
        if ("send".equals(resultAction) && (body.get("recipients") == null || body.get("recipients").isEmpty())) {
            violations.add("recipients: must not be empty when result_action is send");
        }
        ReportParameters parameters = parameters(body, violations);
        ReportSchedule schedule = schedule(body, violations);
        String generationDate = date(body, "", "generation_date", false, violations);
        if (!violations.isEmpty()) {
            throw SandboxError.badRequest(String.join("; ", violations));
        }
        return new ReportPost(recipients, resultAction, parameters, schedule, generationDate);
    }

    /**
     * An update body as a {@link ReportPut} (the platform's {@code reportPut}: every field optional, unknown
     * fields refused at every level, {@code schedule.enabled} required inside {@code schedule}), booleans
     * normalised; absent fields stay null.
     *
     * @throws SandboxError 400 naming every violated field path
     */
    ReportPut validateUpdate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SandboxError.badRequest("body: must be a JSON object");
        }
        List<String> violations = new ArrayList<>();
        unknownFields(body, "", PUT_TOP_FIELDS, violations);
        List<String> recipients = recipients(body, violations);
        ReportParameters parameters = null;
        JsonNode parametersNode = object(body, "", "parameters", false, violations);
        if (parametersNode != null) {
            unknownFields(parametersNode, "parameters.", PUT_PARAMETER_FIELDS, violations);
            parameters = new ReportParameters(null,
                    oneOf(parametersNode, "parameters.", "level", LEVELS, false, violations),
                    oneOf(parametersNode, "parameters.", "kind", KINDS, false, violations),
                    null, null,
                    bool(parametersNode, "parameters.", "hide_zero_usage", violations),
                    bool(parametersNode, "parameters.", "show_skus", violations));
        }
        ReportSchedule schedule = null;
        JsonNode scheduleNode = object(body, "", "schedule", false, violations);
        if (scheduleNode != null) {
            unknownFields(scheduleNode, "schedule.", PUT_SCHEDULE_FIELDS, violations);
            Boolean enabled = bool(scheduleNode, "schedule.", "enabled", violations);
            if (scheduleNode.get("enabled") == null) {
                violations.add("schedule.enabled: is required");
            }
            schedule = new ReportSchedule(null, enabled);
        }
        if (!violations.isEmpty()) {
            throw SandboxError.badRequest(String.join("; ", violations));
        }
        return new ReportPut(recipients, parameters, schedule);
    }

    /**
     * Checks an id taken from a request path.
     *
     * @throws SandboxError 400 when {@code value} is not a lower-case UUID
     */
    static void requireUuid(String name, String value) {
        if (value == null || !UUID.matcher(value).matches()) {
            throw SandboxError.badRequest(name + ": must be a lower-case UUID");
        }
    }

    private static List<String> recipients(JsonNode body, List<String> violations) {
        JsonNode node = body.get("recipients");
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            violations.add("recipients: must be an array of UUIDs");
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && UUID.matcher(item.asText()).matches()) {
                ids.add(item.asText());
            } else {
                violations.add("recipients[" + i + "]: must be a lower-case UUID");
            }
        }
        return ids;
    }

    private ReportParameters parameters(JsonNode body, List<String> violations) {
        JsonNode node = object(body, "", "parameters", true, violations);
        if (node == null) {
            return null;
        }
        unknownFields(node, "parameters.", PARAMETER_FIELDS, violations);
        String tenantId = uuid(node, "parameters.", "tenant_id", violations);
        String level = oneOf(node, "parameters.", "level", LEVELS, true, violations);
        String kind = oneOf(node, "parameters.", "kind", KINDS, true, violations);
        List<String> formats = formats(node, violations);
        ReportPeriod period = period(node, violations);
        Boolean hideZeroUsage = bool(node, "parameters.", "hide_zero_usage", violations);
        Boolean showSkus = bool(node, "parameters.", "show_skus", violations);
        return new ReportParameters(tenantId, level, kind, formats, period, hideZeroUsage, showSkus);
    }

    private static List<String> formats(JsonNode parameters, List<String> violations) {
        JsonNode node = parameters.get("formats");
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            violations.add("parameters.formats: must be an array");
            return null;
        }
        List<String> formats = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && FORMATS.contains(item.asText())) {
                formats.add(item.asText());
            } else {
                violations.add("parameters.formats[" + i + "]: must be one of " + String.join(", ", FORMATS));
            }
        }
        return formats;
    }

    private ReportPeriod period(JsonNode parameters, List<String> violations) {
        JsonNode node = object(parameters, "parameters.", "period", false, violations);
        if (node == null) {
            return null;
        }
        unknownFields(node, "parameters.period.", PERIOD_FIELDS, violations);
        String start = date(node, "parameters.period.", "start", true, violations);
        String end = date(node, "parameters.period.", "end", true, violations);
        if (start != null && end != null) {
            if (LocalDate.parse(start).isAfter(LocalDate.parse(end))) {
                violations.add("parameters.period: start must not be after end");
            }
            if (LocalDate.parse(end).isAfter(LocalDate.now(clock))) {
                violations.add("parameters.period.end: Report period must not be in the future.");
            }
        }
        return new ReportPeriod(start, end);
    }

    private static ReportSchedule schedule(JsonNode body, List<String> violations) {
        JsonNode node = object(body, "", "schedule", true, violations);
        if (node == null) {
            return null;
        }
        unknownFields(node, "schedule.", SCHEDULE_FIELDS, violations);
        String type = oneOf(node, "schedule.", "type", SCHEDULE_TYPES, true, violations);
        Boolean enabled = bool(node, "schedule.", "enabled", violations);
        return new ReportSchedule(type, enabled);
    }

    private static void unknownFields(JsonNode node, String prefix, List<String> allowed, List<String> violations) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                violations.add(prefix + name + ": unknown field, allowed are " + String.join(", ", allowed));
            }
        });
    }

    private static JsonNode object(JsonNode parent, String prefix, String name, boolean required,
            List<String> violations) {
        JsonNode node = parent.get(name);
        if (node == null) {
            if (required) {
                violations.add(prefix + name + ": is required");
            }
            return null;
        }
        if (!node.isObject()) {
            violations.add(prefix + name + ": must be an object");
            return null;
        }
        return node;
    }

    /** The field's text, or null (with a violation when it is required or not a string). */
    private static String text(JsonNode parent, String prefix, String name, boolean required, List<String> violations) {
        JsonNode node = parent.get(name);
        if (node == null || (required && node.isNull())) {
            if (required) {
                violations.add(prefix + name + ": is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            violations.add(prefix + name + ": must be a string");
            return null;
        }
        return node.asText();
    }

    private static String oneOf(JsonNode parent, String prefix, String name, List<String> allowed, boolean required,
            List<String> violations) {
        String value = text(parent, prefix, name, required, violations);
        if (value != null && !allowed.contains(value)) {
            violations.add(prefix + name + ": must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    private static String uuid(JsonNode parent, String prefix, String name, List<String> violations) {
        String value = text(parent, prefix, name, true, violations);
        if (value != null && !UUID.matcher(value).matches()) {
            violations.add(prefix + name + ": must be a lower-case UUID");
            return null;
        }
        return value;
    }

    private static String date(JsonNode parent, String prefix, String name, boolean required, List<String> violations) {
        String value = text(parent, prefix, name, required, violations);
        if (value == null) {
            return null;
        }
        try {
            if (DATE.matcher(value).matches()) {
                LocalDate.parse(value);
                return value;
            }
        } catch (DateTimeParseException notACalendarDate) {
            // reported below, like any other malformed date
        }
        violations.add(prefix + name + ": must be a calendar date YYYY-MM-DD");
        return null;
    }

    private static Boolean bool(JsonNode parent, String prefix, String name, List<String> violations) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && BOOLEAN_STRINGS.contains(node.asText())) {
            return Boolean.valueOf(node.asText());
        }
        violations.add(prefix + name + ": must be a boolean");
        return null;
    }
}
