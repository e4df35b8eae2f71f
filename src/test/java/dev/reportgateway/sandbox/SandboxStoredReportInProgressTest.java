package dev.reportgateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.SandboxConfig;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** With a stored-report delay of an hour a new stored report stays {@code in_progress} and cannot be downloaded. */
@QuarkusTest
@TestProfile(SandboxStoredReportInProgressTest.SlowStoredReports.class)
class SandboxStoredReportInProgressTest {

    private static final String API = "/sandbox/api/2";

    /** Stored reports take an hour. */
    public static class SlowStoredReports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("acronis.sandbox.stored-report-delay", "1h");
        }
    }

    @Inject
    SandboxConfig config;

    @Test
    void inProgressStoredReportIsListedWithoutSizeAndIsNotReady() {
        String token = given().auth().preemptive().basic(config.clientId(), config.clientSecret())
                .formParam("grant_type", "client_credentials")
                .when().post(API + "/idp/token")
                .then().statusCode(200).extract().path("access_token");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"result_action":"save","parameters":{"tenant_id":"%s","level":"accounts",
                          "kind":"usage_current","formats":["json_v1"]},"schedule":{"type":"once"}}
                        """.formatted(config.tenantId()))
                .when().post(API + "/reports")
                .then().statusCode(200).extract().path("id");

        Response list = given().auth().oauth2(token).when().get(API + "/reports/" + id + "/stored");
        list.then().statusCode(200)
                .body("items.status", equalTo(List.of("in_progress")))
                .body("items.report_format", equalTo(List.of("json_v1")))
                .body("items[0]", not(hasKey("size")));
        String storedId = list.path("items[0].id");

        Map<?, ?> error = given().auth().oauth2(token).accept("application/octet-stream")
                .when().get(API + "/reports/" + id + "/stored/" + storedId)
                .then().statusCode(409).contentType(ContentType.JSON).extract().as(Map.class);
        assertEquals(Map.of("error", Map.of("code", 409, "message", "Stored report is not ready",
                "domain", "PlatformAccountServer", "details", Collections.singletonMap("info", null))), error);
    }
}
