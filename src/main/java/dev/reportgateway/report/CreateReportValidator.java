package dev.reportgateway.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

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

    private final Clock clock;

    CreateReportValidator(Clock clock) {
        this.clock = clock;
    }

    /** The body as a {@link ReportPost}, ids lower-cased and string booleans made booleans; or every error at once. */
    ReportPost validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        FieldChecks check = new FieldChecks();
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

    private ReportParameters parameters(JsonNode body, FieldChecks check) {
        JsonNode node = check.object(body, "parameters", "", true);
        if (node == null) {
            return null;
        }
        String at = "parameters.";
        check.unknownFields(node, at, PARAMETER_FIELDS);
        String tenantId = check.uuid(node, "tenant_id", at, false);
        String level = check.enumValue(node, "level", at, LEVELS, true);
        String kind = check.enumValue(node, "kind", at, KINDS, true);
        List<String> formats = check.formats(node, at, FORMATS);
        ReportPeriod period = period(node, check);
        Boolean hideZeroUsage = check.bool(node, "hide_zero_usage", at);
        Boolean showSkus = check.bool(node, "show_skus", at);
        return new ReportParameters(tenantId, level, kind, formats, period, hideZeroUsage, showSkus);
    }

    private ReportPeriod period(JsonNode parameters, FieldChecks check) {
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

    private ReportSchedule schedule(JsonNode body, FieldChecks check) {
        JsonNode node = check.object(body, "schedule", "", true);
        if (node == null) {
            return null;
        }
        check.unknownFields(node, "schedule.", SCHEDULE_FIELDS);
        String type = check.enumValue(node, "type", "schedule.", SCHEDULE_TYPES, true);
        Boolean enabled = check.bool(node, "enabled", "schedule.");
        return new ReportSchedule(type, enabled);
    }
}
