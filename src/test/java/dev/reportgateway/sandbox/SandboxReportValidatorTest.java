package dev.reportgateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPeriod;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.ReportSchedule;

/** The platform's {@code reportPost} rules, checked without HTTP and with "today" fixed at 2026-03-15 UTC. */
class SandboxReportValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "7e1a2b3c-0000-4000-8000-00000000da7a";

    private final SandboxReportValidator validator = new SandboxReportValidator(
            Clock.fixed(Instant.parse("2026-03-15T23:59:59Z"), ZoneOffset.UTC));

    @Test
    void validBodyIsNormalisedWithoutDefaults() {
        ReportPost post = validator.validate(json("""
                {"result_action":"save","parameters":{"tenant_id":"%s","level":"itself","kind":"usage_current",
                  "hide_zero_usage":"true"},"schedule":{"type":"monthly","enabled":false}}
                """.formatted(TENANT)));

        assertEquals(new ReportPost(null, "save",
                new ReportParameters(TENANT, "itself", "usage_current", null, null, true, null),
                new ReportSchedule("monthly", false), null), post);
    }

    @Test
    void periodMayEndToday() {
        ReportPost post = validator.validate(body("\"period\":{\"start\":\"2026-03-01\",\"end\":\"2026-03-15\"}"));

        assertEquals(new ReportPeriod("2026-03-01", "2026-03-15"), post.parameters().period());
    }

    @Test
    void periodEndingTomorrowIsInTheFuture() {
        assertViolations(body("\"period\":{\"start\":\"2026-03-01\",\"end\":\"2026-03-16\"}"),
                "parameters.period.end: Report period must not be in the future.");
    }

    @Test
    void datesMustBeCalendarDates() {
        assertViolations(body("\"period\":{\"start\":\"2026-02-30\",\"end\":\"2026-3-01\"}"),
                "parameters.period.start: must be a calendar date YYYY-MM-DD; "
                        + "parameters.period.end: must be a calendar date YYYY-MM-DD");
    }

    @Test
    void periodNeedsBothEndsAndNoOtherField() {
        assertViolations(body("\"period\":{\"from\":\"2026-03-01\"}"),
                "parameters.period.from: unknown field, allowed are start, end; "
                        + "parameters.period.start: is required; parameters.period.end: is required");
    }

    @Test
    void everyViolationIsNamedAtOnce() {
        assertViolations(json("""
                {"result_action":"mail","recipients":["not-a-uuid"],"parameters":{"tenant_id":null,"level":"itself",
                  "kind":"usage_current","formats":["pdf"],"show_skus":"yes"},"schedule":{"type":"weekly","extra":1},
                  "generation_date":20260315}
                """),
                "result_action: must be one of save, send; recipients[0]: must be a lower-case UUID; "
                        + "parameters.tenant_id: is required; "
                        + "parameters.formats[0]: must be one of csv, html, json_v1, csv_v2_0, json_v2_0; "
                        + "parameters.show_skus: must be a boolean; "
                        + "schedule.extra: unknown field, allowed are type, enabled; "
                        + "schedule.type: must be one of once, monthly; generation_date: must be a string");
    }

    @Test
    void requiredObjectsAndFieldsAreNamed() {
        assertViolations(json("{}"),
                "result_action: is required; parameters: is required; schedule: is required");
    }

    @Test
    void bodyMustBeAnObject() {
        assertViolations(json("[]"), "body: must be a JSON object");
    }

    @Test
    void updateBodyIsNormalisedAndMayBeEmpty() {
        assertEquals(new ReportPut(List.of("ab00e527-219b-481b-b01b-311b5be0ed3c"),
                new ReportParameters(null, "itself", null, null, null, true, false),
                new ReportSchedule(null, false)),
                validator.validateUpdate(json("""
                        {"recipients":["ab00e527-219b-481b-b01b-311b5be0ed3c"],
                         "parameters":{"level":"itself","hide_zero_usage":"true","show_skus":false},
                         "schedule":{"enabled":"false"}}
                        """)));
        assertEquals(new ReportPut(null, null, null), validator.validateUpdate(json("{}")));
    }

    @Test
    void updateBodyRefusesWhatReportPutDoesNotAllow() {
        SandboxError error = assertThrows(SandboxError.class, () -> validator.validateUpdate(json("""
                {"result_action":"send","parameters":{"tenant_id":"%s","kind":"hourly"},
                 "schedule":{"type":"monthly"}}
                """.formatted(TENANT))));
        assertEquals("result_action: unknown field, allowed are recipients, parameters, schedule; "
                + "parameters.tenant_id: unknown field, allowed are level, kind, hide_zero_usage, show_skus; "
                + "parameters.kind: must be one of usage_daily, usage_summary, usage_current, usage_breakdown; "
                + "schedule.type: unknown field, allowed are enabled; schedule.enabled: is required",
                error.getMessage());
        assertEquals(400, error.toResponse().getStatus());
    }

    private JsonNode body(String extraParameter) {
        return json("""
                {"result_action":"save","parameters":{"tenant_id":"%s","level":"accounts","kind":"usage_daily",%s},
                 "schedule":{"type":"once"}}
                """.formatted(TENANT, extraParameter));
    }

    private void assertViolations(JsonNode body, String message) {
        SandboxError error = assertThrows(SandboxError.class, () -> validator.validate(body));
        assertEquals(message, error.getMessage());
        assertEquals(400, error.toResponse().getStatus());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
