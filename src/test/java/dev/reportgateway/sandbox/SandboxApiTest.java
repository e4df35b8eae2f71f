package dev.reportgateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportgateway.acronis.SandboxConfig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The sandbox over HTTP, in the default (sandbox) mode, as any client of the real platform would use it. */
@QuarkusTest
class SandboxApiTest {

    private static final String API = "/sandbox/api/2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "<tenant>";
    private static final String SEED = """
            {"recipients":["ca451758-b48a-45d9-9ae6-8f1059f67619","ab00e527-219b-481b-b01b-311b5be0ed3c"],
             "parameters":{"kind":"usage_summary","tenant_id":"<tenant>","level":"accounts",
               "period":{"start":"2017-05-01","end":"2017-05-07"},"formats":["csv","html"],
               "hide_zero_usage":true,"show_skus":true},
             "schedule":{"type":"once"},"generation_date":"2017-05-08","result_action":"send"}
            """;
    private static final String SAVE = """
            {"result_action":"save",
             "parameters":{"tenant_id":"<tenant>","level":"direct_partners","kind":"usage_summary",
               "period":{"start":"2017-05-01","end":"2017-05-31"}},
             "schedule":{"type":"once"},"generation_date":"2017-06-01"}
            """;

    @Inject
    SandboxConfig config;

    @Test
    void tokenWithBasicCredentials() {
        long before = System.currentTimeMillis() / 1000;
        Map<String, Object> token = given().auth().preemptive().basic(config.clientId(), config.clientSecret())
                .formParam("grant_type", "client_credentials")
                .when().post(API + "/idp/token")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("token_type", equalTo("bearer"))
                .body("access_token", containsString("sandbox-at-"))
                .extract().as(Map.class);

        assertEquals(Set.of("access_token", "token_type", "expires_on", "id_token"), token.keySet());
        long expiresOn = ((Number) token.get("expires_on")).longValue();
        assertTrue(expiresOn >= before + 7200 && expiresOn <= before + 7200 + 60, "expires_on = now + 2 h");
    }

    @Test
    void tokenWithFormCredentials() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", config.clientId())
                .formParam("client_secret", config.clientSecret())
                .when().post(API + "/idp/token")
                .then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", nullValue());
    }

    @Test
    void tokenWithWrongSecretIsAccessDenied() {
        given().auth().preemptive().basic(config.clientId(), "not-the-secret")
                .formParam("grant_type", "client_credentials")
                .when().post(API + "/idp/token")
                .then().statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("access_denied"))
                .body("error_description", equalTo("Invalid client credentials."));
    }

    @Test
    void tokenWithoutCredentialsIsAccessDenied() {
        given().formParam("grant_type", "client_credentials")
                .when().post(API + "/idp/token")
                .then().statusCode(401).body("error", equalTo("access_denied"));
    }

    @Test
    void tokenWithOtherGrantIsInvalidRequest() {
        given().auth().preemptive().basic(config.clientId(), config.clientSecret())
                .formParam("grant_type", "password")
                .when().post(API + "/idp/token")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("grant_type must be client_credentials."));
    }

    @Test
    void callsWithoutOrWithBadTokenAreUnauthorized() {
        Map<String, Object> expected = errorScheme(401, "Method required an authenticated user.");
        assertEquals(expected, given().when().get(API + "/clients/" + config.clientId())
                .then().statusCode(401).contentType(ContentType.JSON).extract().as(Map.class));
        assertEquals(expected, given().auth().oauth2("sandbox-at-never-issued")
                .contentType(ContentType.JSON).body(seed())
                .when().post(API + "/reports")
                .then().statusCode(401).contentType(ContentType.JSON).extract().as(Map.class));
    }

    @Test
    void clientLookupNamesThePartnerTenant() {
        Map<String, Object> client = given().auth().oauth2(token())
                .when().get(API + "/clients/" + config.clientId())
                .then().statusCode(200).contentType(ContentType.JSON).extract().as(Map.class);

        assertEquals(Map.of("client_id", config.clientId(), "tenant_id", config.tenantId(), "type", "api_client",
                "status", "enabled", "token_endpoint_auth_method", "client_secret_basic"), client);
    }

    @Test
    void unknownClientIsNotFound() {
        given().auth().oauth2(token())
                .when().get(API + "/clients/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    void seedBodyIsCreatedAndEchoed() throws Exception {
        String created = createReport(seed()).then().statusCode(200).contentType(ContentType.JSON)
                .body("version", equalTo(1)).extract().asString();

        ObjectNode report = (ObjectNode) JSON.readTree(created);
        assertTrue(report.remove("id").asText().matches("[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}"));
        assertEquals(JSON.readTree(withTenant("""
                {"version":1,"result_action":"send",
                 "recipients":["ca451758-b48a-45d9-9ae6-8f1059f67619","ab00e527-219b-481b-b01b-311b5be0ed3c"],
                 "parameters":{"tenant_id":"<tenant>","level":"accounts","kind":"usage_summary",
                   "formats":["csv","html"],"period":{"start":"2017-05-01","end":"2017-05-07"},
                   "hide_zero_usage":true,"show_skus":true},
                 "schedule":{"type":"once","enabled":true},"generation_date":"2017-05-08"}
                """)), report);
    }

    @Test
    void stringBooleansAreAcceptedAndEchoedAsBooleans() {
        ObjectNode body = json(seed());
        ((ObjectNode) body.get("parameters")).put("hide_zero_usage", "false").put("show_skus", "true");
        ((ObjectNode) body.get("schedule")).put("enabled", "false");

        createReport(body.toString()).then().statusCode(200)
                .body("parameters.hide_zero_usage", equalTo(false))
                .body("parameters.show_skus", equalTo(true))
                .body("schedule.enabled", equalTo(false));
    }

    @Test
    void saveWithoutRecipientsGetsEmptyRecipientsAndDefaultFormat() {
        createReport(withTenant(SAVE)).then().statusCode(200)
                .body("recipients", equalTo(Collections.emptyList()))
                .body("parameters.formats", equalTo(List.of("csv_v2_0")))
                .body("schedule.enabled", equalTo(true));
    }

    static Stream<Arguments> invalidBodies() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        return Stream.of(
                Arguments.of("unknown field", SAVE.replace("\"kind\"", "\"show_sku\":true,\"kind\""),
                        "parameters.show_sku: unknown field"),
                Arguments.of("bad enum", SAVE.replace("direct_partners", "everyone"),
                        "parameters.level: must be one of itself, direct_partners, all_partners, all_customers, "
                                + "accounts"),
                Arguments.of("bad uuid", SAVE.replace("<tenant>", "7E1A2B3C-0000-4000-8000-00000000DA7A"),
                        "parameters.tenant_id: must be a lower-case UUID"),
                Arguments.of("end before start", SAVE.replace("2017-05-31", "2017-04-30"),
                        "parameters.period: start must not be after end"),
                Arguments.of("future period", SAVE.replace("2017-05-31", tomorrow),
                        "parameters.period.end: Report period must not be in the future."),
                Arguments.of("send without recipients", SAVE.replace("\"save\"", "\"send\""),
                        "recipients: must not be empty when result_action is send"),
                Arguments.of("malformed JSON", SAVE.substring(0, SAVE.length() / 2), "body: malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidBodyIsBadRequestNamingTheField(String name, String body, String message) {
        createReport(withTenant(body)).then().statusCode(400).contentType(ContentType.JSON)
                .body("error.code", equalTo(400))
                .body("error.domain", equalTo("PlatformAccountServer"))
                .body("error.details.info", nullValue())
                .body("error.message", containsString(message));
    }

    @Test
    void foreignTenantIsNotFound() {
        assertEquals(errorScheme(1005, "Tenant not found"),
                createReport(SAVE.replace(TENANT, "00000000-0000-4000-8000-000000000000"))
                        .then().statusCode(404).extract().as(Map.class));
    }

    @Test
    void nonJsonContentTypeIsUnsupported() {
        given().auth().oauth2(token()).contentType(ContentType.TEXT).body(withTenant(SAVE))
                .when().post(API + "/reports")
                .then().statusCode(415).contentType(ContentType.JSON)
                .body("error.code", equalTo(415));
    }

    @Test
    void reportLifecycle() {
        String token = token();
        String id = createReport(withTenant(SAVE)).then().statusCode(200).extract().path("id");

        given().auth().oauth2(token).when().get(API + "/reports/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(1));
        given().auth().oauth2(token).when().delete(API + "/reports/" + id)
                .then().statusCode(400).body("error.message", equalTo("version: is required"));
        given().auth().oauth2(token).queryParam("version", "one").when().delete(API + "/reports/" + id)
                .then().statusCode(400).body("error.message", equalTo("version: must be an integer"));
        assertEquals(errorScheme(1001, "Version mismatch"),
                given().auth().oauth2(token).queryParam("version", 2).when().delete(API + "/reports/" + id)
                        .then().statusCode(409).contentType(ContentType.JSON).extract().as(Map.class));
        given().auth().oauth2(token).queryParam("version", 1).when().delete(API + "/reports/" + id)
                .then().statusCode(204);
        assertEquals(errorScheme(404, "Report not found"),
                given().auth().oauth2(token).when().get(API + "/reports/" + id)
                        .then().statusCode(404).extract().as(Map.class));
        given().auth().oauth2(token).queryParam("version", 1).when().delete(API + "/reports/" + id)
                .then().statusCode(404).body("error.code", equalTo(404));
    }

    private String token() {
        return given().auth().preemptive().basic(config.clientId(), config.clientSecret())
                .formParam("grant_type", "client_credentials")
                .when().post(API + "/idp/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private Response createReport(String body) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(body)
                .when().post(API + "/reports");
    }

    private String seed() {
        return withTenant(SEED);
    }

    private String withTenant(String body) {
        return body.replace(TENANT, config.tenantId());
    }

    private static ObjectNode json(String body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> errorScheme(int code, String message) {
        return Map.of("error", Map.of("code", code, "message", message, "domain", "PlatformAccountServer",
                "details", Collections.singletonMap("info", null)));
    }
}
