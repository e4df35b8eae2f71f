package dev.reportgateway.contract;

import static dev.reportgateway.contract.UpstreamContract.assertValidRequest;
import static dev.reportgateway.contract.UpstreamContract.assertValidResponse;
import static dev.reportgateway.contract.UpstreamContract.validateRequest;
import static dev.reportgateway.contract.UpstreamContract.validateResponse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

/** Proves the contract validator accepts what the platform documents and rejects what it must. No Quarkus boot. */
class UpstreamContractTest {

    static final String REPORT_ID = "20dffb36-d77b-45c6-b2fa-39276e98d5fc";
    static final Map<String, String> JSON = Map.of("Content-Type", "application/json",
            "Authorization", "Bearer token");
    static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    /** The create body from the developer guide ("Creating a billing report"), with a concrete tenant. */
    static final String SEED_CREATE = """
            {"recipients":["ca451758-b48a-45d9-9ae6-8f1059f67619","ab00e527-219b-481b-b01b-311b5be0ed3c"],\
            "parameters":{"kind":"usage_summary","tenant_id":"ede9f834-70b3-476c-83d9-736f9f8c7dae",\
            "level":"accounts","period":{"start":"2017-05-01","end":"2017-05-07"},"formats":["csv","html"],\
            "hide_zero_usage":true,"show_skus":true},"schedule":{"type":"once"},"generation_date":"2017-05-08",\
            "result_action":"send"}""";

    static String errorKeys(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getKey).toList().toString();
    }

    static void assertInvalid(ValidationReport report, String expectedKeyPart) {
        assertTrue(report.hasErrors(), "expected a contract violation, got none");
        assertTrue(errorKeys(report).contains(expectedKeyPart),
                "expected an error with key containing '" + expectedKeyPart + "', got:\n"
                        + UpstreamContract.describe(report));
    }

    // ------------------------------------------------------------------------------------- POST /reports

    @ParameterizedTest
    @ValueSource(strings = { "/api/2/reports", "/sandbox/api/2/reports" })
    void seedCreateBodyIsValidWithOrWithoutTheSandboxPrefix(String path) {
        assertValidRequest("POST", path, Map.of(), JSON, SEED_CREATE);
    }

    @Test
    void missingBearerTokenIsInvalid() {
        assertInvalid(validateRequest("POST", "/api/2/reports", Map.of(),
                Map.of("Content-Type", "application/json"), SEED_CREATE), "security");
    }

    /** The seed body with one text replaced, and the kind of violation the validator must report. */
    static Stream<Arguments> invalidCreateBodies() {
        return Stream.of(
                Arguments.of("unknown field inside parameters", "\"show_skus\":true", "\"show_sku\":true", "additionalProperties"),
                Arguments.of("unknown top-level field", "\"result_action\":\"send\"", "\"result_action\":\"send\",\"x\":1",
                        "additionalProperties"),
                Arguments.of("unknown level", "\"level\":\"accounts\"", "\"level\":\"everything\"", "enum"),
                Arguments.of("upper-case tenant id", "ede9f834-70b3-476c-83d9-736f9f8c7dae", "EDE9F834-70B3-476C-83D9-736F9F8C7DAE",
                        "pattern"),
                Arguments.of("malformed tenant id", "ede9f834-70b3-476c-83d9-736f9f8c7dae", "ede9f834-70b3-476c-83d9", "schema"),
                Arguments.of("missing required field", ",\"result_action\":\"send\"", "", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreateBodies")
    void invalidCreateBodyIsRefused(String name, String seedText, String replacement, String expectedKeyPart) {
        String body = SEED_CREATE.replace(seedText, replacement);
        assertInvalid(validateRequest("POST", "/api/2/reports", Map.of(), JSON, body), expectedKeyPart);
    }

    @Test
    void failureMessageListsEveryViolation() {
        String body = SEED_CREATE.replace("\"level\":\"accounts\"", "\"level\":\"everything\"")
                .replace("\"show_skus\":true", "\"show_sku\":true");
        AssertionError error = assertThrows(AssertionError.class,
                () -> assertValidRequest("POST", "/api/2/reports", Map.of(), JSON, body));
        assertTrue(error.getMessage().contains("everything"), error.getMessage());
        assertTrue(error.getMessage().contains("show_sku"), error.getMessage());
    }

    // ------------------------------------------------------------------------------- DELETE /reports/{id}

    @Test
    void deleteWithoutVersionIsInvalid() {
        assertInvalid(validateRequest("DELETE", "/api/2/reports/" + REPORT_ID, Map.of(), JSON, null),
                "parameter.query.missing");
    }

    @Test
    void deleteWithVersionIsValid() {
        assertValidRequest("DELETE", "/api/2/reports/" + REPORT_ID, Map.of("version", "3"), JSON, null);
        assertValidRequest("DELETE", "/api/2/reports/" + REPORT_ID + "?version=3", Map.of(), JSON, null);
    }

    @Test
    void deleteWithNonIntegerVersionIsInvalid() {
        assertInvalid(validateRequest("DELETE", "/api/2/reports/" + REPORT_ID, Map.of("version", "v3"), JSON,
                null), "schema");
    }

    @Test
    void unknownPathIsInvalid() {
        assertInvalid(validateRequest("GET", "/api/2/reports", Map.of(), JSON, null), "operation.notAllowed");
        assertInvalid(validateRequest("GET", "/api/2/nowhere", Map.of(), JSON, null), "path.missing");
    }

    // ----------------------------------------------------------------------------------------- /idp/token

    @Test
    void clientCredentialsTokenRequestIsValid() {
        assertValidRequest("POST", "/api/2/idp/token", Map.of(), FORM, "grant_type=client_credentials");
    }

    @Test
    void unknownGrantTypeIsInvalid() {
        assertInvalid(validateRequest("POST", "/api/2/idp/token", Map.of(), FORM, "grant_type=magic"), "enum");
    }

    // ------------------------------------------------------------------------------------------ responses

    @Test
    void reportResponseWithIdAndVersionIsValid() {
        assertValidResponse("POST", "/api/2/reports", 200, "application/json",
                "{\"id\":\"" + REPORT_ID + "\",\"version\":1,\"result_action\":\"send\"}");
    }

    @Test
    void reportResponseWithoutVersionIsInvalid() {
        assertInvalid(validateResponse("GET", "/api/2/reports/" + REPORT_ID, 200, "application/json",
                "{\"id\":\"" + REPORT_ID + "\"}"), "required");
    }

    @Test
    void conflictWithNumericCodeIsValid() {
        assertValidResponse("PUT", "/api/2/reports/" + REPORT_ID, 409, "application/json", """
                {"error":{"code":1001,"domain":"PlatformAccountServer","message":"Version mismatch",\
                "details":{"info":null}}}""");
    }

    @Test
    void errorWithStringCodeIsValid() {
        assertValidResponse("GET", "/api/2/reports/" + REPORT_ID, 404, "application/json", """
                {"error":{"code":"404","domain":null,"message":"Not Found","details":{}}}""");
    }

    @Test
    void storedReportsWithJsonV2IsValid() {
        assertValidResponse("GET", "/api/2/reports/" + REPORT_ID + "/stored", 200, "application/json", """
                {"items":[{"id":"d6bc3e2e-2378-4099-bb33-6a2603aca94d","report_format":"json_v2_0",\
                "created_at":"2017-01-01T12:07:53","size":128,"status":"saved"}]}""");
    }

    @Test
    void storedReportsWithUnknownStatusIsInvalid() {
        assertInvalid(validateResponse("GET", "/api/2/reports/" + REPORT_ID + "/stored", 200, "application/json",
                """
                {"items":[{"report_format":"csv","created_at":"2017-01-01T12:07:53","status":"lost"}]}"""),
                "enum");
    }

    @Test
    void clientResponseNeedsTenantId() {
        assertValidResponse("GET", "/api/2/clients/" + REPORT_ID, 200, "application/json",
                "{\"tenant_id\":\"ede9f834-70b3-476c-83d9-736f9f8c7dae\"}");
        assertInvalid(validateResponse("GET", "/api/2/clients/" + REPORT_ID, 200, "application/json",
                "{\"type\":\"api_client\"}"), "required");
    }

    // ---------------------------------------------------------------------------------- WireMock overload

    @Test
    void wireMockLoggedRequestIsValidated() {
        LoggedRequest ok = LoggedRequest.createFrom(ImmutableRequest.create()
                .withMethod(RequestMethod.POST).withAbsoluteUrl("http://localhost:8089/api/2/reports")
                .withHeader("Content-Type", "application/json").withHeader("Authorization", "Bearer token")
                .withBody(SEED_CREATE.getBytes(StandardCharsets.UTF_8)).build());
        UpstreamContract.assertValidRequest(ok);

        LoggedRequest delete = LoggedRequest.createFrom(ImmutableRequest.create()
                .withMethod(RequestMethod.DELETE)
                .withAbsoluteUrl("http://localhost:8089/api/2/reports/" + REPORT_ID)
                .withHeader("Authorization", "Bearer token").build());
        LoggedRequest deleteWithVersion = LoggedRequest.createFrom(ImmutableRequest.create()
                .withMethod(RequestMethod.DELETE)
                .withAbsoluteUrl("http://localhost:8089/sandbox/api/2/reports/" + REPORT_ID + "?version=3")
                .withHeader("Authorization", "Bearer token").build());
        UpstreamContract.assertValidRequest(deleteWithVersion);
        assertInvalid(validateRequest(delete), "parameter.query.missing");
    }
}
