package dev.reportgateway.report;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.ReportSchedule;

/**
 * Checks an update body against the platform's {@code reportPut}: {@code recipients}; {@code parameters} with
 * only {@code level}, {@code kind}, {@code hide_zero_usage}, {@code show_skus}; {@code schedule} with only
 * {@code enabled}, which it then requires. No unknown field anywhere; every error at once.
 */
final class UpdateReportValidator {

    private static final List<String> TOP_FIELDS = List.of("recipients", "parameters", "schedule");
    private static final List<String> PARAMETER_FIELDS = List.of("level", "kind", "hide_zero_usage", "show_skus");
    private static final List<String> SCHEDULE_FIELDS = List.of("enabled");

    ReportPut validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        FieldChecks check = new FieldChecks();
        check.unknownFields(body, "", TOP_FIELDS);
        List<String> recipients = check.uuidList(body, "recipients", "");
        ReportParameters parameters = null;
        JsonNode parametersNode = check.object(body, "parameters", "", false);
        if (parametersNode != null) {
            String at = "parameters.";
            check.unknownFields(parametersNode, at, PARAMETER_FIELDS);
            parameters = new ReportParameters(null,
                    check.enumValue(parametersNode, "level", at, CreateReportValidator.LEVELS, false),
                    check.enumValue(parametersNode, "kind", at, CreateReportValidator.KINDS, false),
                    null, null,
                    check.bool(parametersNode, "hide_zero_usage", at),
                    check.bool(parametersNode, "show_skus", at));
        }
        ReportSchedule schedule = null;
        JsonNode scheduleNode = check.object(body, "schedule", "", false);
        if (scheduleNode != null) {
            check.unknownFields(scheduleNode, "schedule.", SCHEDULE_FIELDS);
            if (!scheduleNode.has("enabled")) {
                check.add("schedule.enabled", "is required when schedule is given");
            }
            schedule = new ReportSchedule(null, check.bool(scheduleNode, "enabled", "schedule."));
        }
        check.throwIfAny();
        return new ReportPut(recipients, parameters, schedule);
    }
}
