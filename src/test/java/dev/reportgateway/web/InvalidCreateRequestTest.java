package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad create bodies: each is a 400 problem naming the field, and the platform sees nothing at all. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class InvalidCreateRequestTest extends UpstreamTest {

    private static final String SEED = SeedReport.body(SeedReport.TENANT);

    static Stream<Arguments> badBodies() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        return Stream.of(
                Arguments.of("malformed JSON", "{\"result_action\": \"send\",", "body"),
                Arguments.of("not an object", "[1, 2]", "body"),
                Arguments.of("empty body", "", "body"),
                Arguments.of("trailing garbage", SEED + " {}", "body"),
                Arguments.of("duplicate key", "{\"result_action\":\"save\",\"result_action\":\"send\"}", "body"),
                Arguments.of("unknown top-level field", SEED.replace("\"result_action\"", "\"resultAction\""), "resultAction"),
                Arguments.of("typo show_sku", SEED.replace("show_skus", "show_sku"), "parameters.show_sku"),
                Arguments.of("unknown schedule field", SEED.replace("\"type\": \"once\"", "\"type\": \"once\", \"cron\": \"* *\""), "schedule.cron"),
                Arguments.of("unknown period field", SEED.replace("\"start\": \"2017-05-01\"", "\"start\": \"2017-05-01\", \"tz\": \"UTC\""), "parameters.period.tz"),
                Arguments.of("bad tenant uuid", SEED.replace(SeedReport.TENANT, "ede9f834-70b3-476c-83d9"), "parameters.tenant_id"),
                Arguments.of("bad recipient uuid", SEED.replace("ca451758-b48a-45d9-9ae6-8f1059f67619", "alice@example.com"), "recipients[0]"),
                Arguments.of("recipients not an array", SEED.replaceFirst("\"recipients\": \\[[^]]*]", "\"recipients\": \"ca451758-b48a-45d9-9ae6-8f1059f67619\""), "recipients"),
                Arguments.of("bad kind", SEED.replace("usage_summary", "usage_everything"), "parameters.kind"),
                Arguments.of("bad level", SEED.replace("\"accounts\"", "\"everyone\""), "parameters.level"),
                Arguments.of("bad format", SEED.replace("\"html\"", "\"pdf\""), "parameters.formats[1]"),
                Arguments.of("empty formats", SEED.replaceFirst("\"formats\": \\[[^]]*]", "\"formats\": []"), "parameters.formats"),
                Arguments.of("bad result_action", SEED.replace("\"result_action\": \"send\"", "\"result_action\": \"email\""), "result_action"),
                Arguments.of("bad schedule type", SEED.replace("\"once\"", "\"weekly\""), "schedule.type"),
                Arguments.of("missing schedule", SEED.replaceFirst("\"schedule\": \\{[^}]*},", ""), "schedule"),
                Arguments.of("missing kind", SEED.replace("\"kind\": \"usage_summary\",", ""), "parameters.kind"),
                Arguments.of("missing parameters", "{\"result_action\":\"save\",\"schedule\":{\"type\":\"once\"}}", "parameters"),
                Arguments.of("date in wrong shape", SEED.replace("2017-05-01", "01.05.2017"), "parameters.period.start"),
                Arguments.of("impossible date", SEED.replace("2017-05-07", "2017-02-30"), "parameters.period.end"),
                Arguments.of("end before start", SEED.replace("2017-05-07", "2017-04-30"), "parameters.period.end"),
                Arguments.of("future period", SEED.replace("2017-05-07", tomorrow), "parameters.period.end"),
                Arguments.of("half a period", SEED.replace("\"end\": \"2017-05-07\"", "\"until\": \"2017-05-07\""), "parameters.period.end"),
                Arguments.of("send without recipients", SEED.replaceFirst("\"recipients\": \\[[^]]*],", ""), "recipients"),
                Arguments.of("send with empty recipients", SEED.replaceFirst("\"recipients\": \\[[^]]*]", "\"recipients\": []"), "recipients"),
                Arguments.of("boolean as a word", SEED.replace("\"show_skus\": true", "\"show_skus\": \"yes\""), "parameters.show_skus"),
                Arguments.of("boolean as a number", SEED.replace("\"hide_zero_usage\": true", "\"hide_zero_usage\": 1"), "parameters.hide_zero_usage"),
                Arguments.of("null field", SEED.replace("\"hide_zero_usage\": true", "\"hide_zero_usage\": null"), "parameters.hide_zero_usage"),
                Arguments.of("bad generation date", SEED.replace("2017-05-08", "tomorrow"), "generation_date"),
                Arguments.of("parameters not an object", "{\"result_action\":\"save\",\"parameters\":\"usage\",\"schedule\":{\"type\":\"once\"}}", "parameters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusedWithTheFieldNamedAndNothingSentUpstream(String label, String body, String field) {
        given().contentType("application/json").body(body)
                .when().post("/api/2/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", is(400))
                .body("instance", equalTo("/api/2/reports"))
                .body("errors.field", hasItem(field));
        assertEquals(0, wireMock.getAllServeEvents().size(), label + ": nothing may reach the platform");
    }

    @Test
    void everyErrorIsListedAtOnce() {
        String body = """
                {"result_action":"send","recipients":[],
                 "parameters":{"tenant_id":"nope","level":"everyone","kind":"usage_summary","show_sku":true,
                   "period":{"start":"2017-05-09","end":"2017-05-01"}},
                 "schedule":{"type":"weekly"}}
                """;
        given().contentType("application/json").body(body)
                .when().post("/api/2/reports")
                .then().statusCode(400)
                .body("detail", equalTo("6 fields are invalid; nothing was sent to the Acronis platform."))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("recipients", "parameters.tenant_id",
                        "parameters.level", "parameters.show_sku", "parameters.period.end", "schedule.type"))
                .body("errors.find { it.field == 'parameters.show_sku' }.message",
                        equalTo("unknown field; allowed here: tenant_id, level, kind, formats, period, hide_zero_usage, show_skus"))
                .body("errors.find { it.field == 'parameters.level' }.message",
                        equalTo("must be one of: accounts, all_customers, all_partners, direct_partners, itself"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"result_action\":\"" + "x".repeat(70 * 1024) + "\"}";
        given().contentType("application/json").body(huge)
                .when().post("/api/2/reports")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", is(413))
                .body("detail", equalTo("The request body is larger than 65536 bytes (gateway.max-body-size)."));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }
}
