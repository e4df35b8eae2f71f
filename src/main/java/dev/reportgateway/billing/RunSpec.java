package dev.reportgateway.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportgateway.report.Digests;
import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.Ids;
import dev.reportgateway.report.InvalidRequestException;

/**
 * What a billing run bills: a tenant (null: the default, as for creates), a period of whole days, a report level
 * and whether the upstream report is kept. Read from {@code {"month": "2026-10"}} or
 * {@code {"period": {"start", "end"}}} plus optional {@code tenant_id}, {@code level}, {@code keep_report}; every
 * bad field is reported at once.
 */
public record RunSpec(String tenantId, LocalDate start, LocalDate end, String level, boolean keepReport) {

    /** The level of a run that names none: one row per customer tenant (partners aggregate subtrees). */
    public static final String DEFAULT_LEVEL = "all_customers";
    /** The platform's report levels. */
    static final Set<String> LEVELS = Set.of("itself", "direct_partners", "all_partners", "all_customers", "accounts");
    /** The format a run asks for: the one Acronis' own billing module parses. */
    static final String FORMAT = "csv_v2_0";
    private static final Set<String> FIELDS = Set.of("month", "period", "tenant_id", "level", "keep_report");

    /** Reads and checks a request body; {@code clock} decides what today is (UTC): a run's period must have ended. */
    public static RunSpec read(JsonNode body, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("", "must be a JSON object: {\"month\": \"2026-10\"} or {\"period\": {\"start\": ..., \"end\": ...}}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a billing run (" + String.join(", ", FIELDS.stream().sorted().toList()) + ")"));
            }
        }
        LocalDate start = null;
        LocalDate end = null;
        JsonNode month = body.get("month");
        JsonNode period = body.get("period");
        if ((month == null) == (period == null)) {
            errors.add(new FieldError("month", "give either month (YYYY-MM) or period ({\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\"})"));
        } else if (month != null) {
            YearMonth parsed = month.isTextual() ? yearMonth(month.asText()) : null;
            if (parsed == null) {
                errors.add(new FieldError("month", "must be a month as YYYY-MM, e.g. \"2026-10\""));
            } else {
                start = parsed.atDay(1);
                end = parsed.atEndOfMonth();
            }
        } else if (!period.isObject()) {
            errors.add(new FieldError("period", "must be an object {\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\"}"));
        } else {
            start = date(period.get("start"), "period.start", errors);
            end = date(period.get("end"), "period.end", errors);
            for (Iterator<String> names = period.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("start") && !name.equals("end")) {
                    errors.add(new FieldError("period." + name, "is not a field of period (start, end)"));
                }
            }
            if (start != null && end != null && end.isBefore(start)) {
                errors.add(new FieldError("period.end", "must not be before period.start (" + start + ")"));
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (end != null && !end.isBefore(today)) {
            errors.add(new FieldError(month != null ? "month" : "period.end",
                    "must have ended: the period's last day (" + end + ") must be before today (" + today + ", UTC)"));
        }
        String tenantId = null;
        JsonNode tenant = body.get("tenant_id");
        if (tenant != null && !tenant.isNull()) {
            if (tenant.isTextual() && Ids.isUuid(tenant.asText())) {
                tenantId = tenant.asText().toLowerCase(Locale.ROOT);
            } else {
                errors.add(new FieldError("tenant_id", "must be a tenant UUID"));
            }
        }
        String level = DEFAULT_LEVEL;
        JsonNode levelNode = body.get("level");
        if (levelNode != null && !levelNode.isNull()) {
            if (levelNode.isTextual() && LEVELS.contains(levelNode.asText())) {
                level = levelNode.asText();
            } else {
                errors.add(new FieldError("level", "must be one of " + String.join(", ", LEVELS.stream().sorted().toList())));
            }
        }
        boolean keep = false;
        JsonNode keepNode = body.get("keep_report");
        if (keepNode != null && !keepNode.isNull()) {
            if (keepNode.isBoolean()) {
                keep = keepNode.asBoolean();
            } else {
                errors.add(new FieldError("keep_report", "must be true or false"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new RunSpec(tenantId, start, end, level, keep);
    }

    /** The same run for another tenant (the default, once known). */
    public RunSpec forTenant(String tenant) {
        return new RunSpec(tenant, start, end, level, keepReport);
    }

    /**
     * The {@code reportPost} body of the run's upstream report: a one-time {@code usage_summary} of the period in
     * csv_v2_0 with SKUs, saved (not mailed) on the platform.
     */
    public ObjectNode reportBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode parameters = body.putObject("parameters");
        parameters.put("kind", "usage_summary");
        if (tenantId != null) {
            parameters.put("tenant_id", tenantId);
        }
        parameters.put("level", level);
        parameters.putObject("period").put("start", start.toString()).put("end", end.toString());
        parameters.putArray("formats").add(FORMAT);
        parameters.put("hide_zero_usage", false);
        parameters.put("show_skus", true);
        body.putObject("schedule").put("type", "once");
        body.put("result_action", "save");
        body.putArray("recipients");
        return body;
    }

    /** The request as an {@code Idempotency-Key} compares it (SHA-256, hex): every field, the default tenant filled in. */
    String digest() {
        return Digests.sha256Hex(liveKey() + "|" + keepReport);
    }

    /** What makes two live runs the same run: tenant, period and level. */
    String liveKey() {
        return tenantId + "|" + start + "|" + end + "|" + level;
    }

    private static YearMonth yearMonth(String text) {
        try {
            return text.matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(text) : null;
        } catch (DateTimeParseException invalid) {
            return null;
        }
    }

    private static LocalDate date(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            if (node.isTextual() && node.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(node.asText());
            }
        } catch (DateTimeParseException invalid) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a date as YYYY-MM-DD"));
        return null;
    }
}
