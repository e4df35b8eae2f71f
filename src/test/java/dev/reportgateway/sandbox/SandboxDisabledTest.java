package dev.reportgateway.sandbox;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With an upstream configured the sandbox does not exist: every {@code /sandbox} path is a 404. */
@QuarkusTest
@TestProfile(SandboxDisabledTest.UpstreamConfigured.class)
class SandboxDisabledTest {

    private static final String SANDBOX_CLIENT = "5a9d1c3e-0000-4000-8000-00000000c11e";

    /** A fake, never-contacted upstream ({@code .invalid} never resolves). */
    public static class UpstreamConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("acronis.url", "https://upstream.invalid",
                    "acronis.client-id", "00000000-7e57-4000-8000-0000000000aa",
                    "acronis.client-secret", "fake-secret-never-sent");
        }
    }

    @Test
    void tokenEndpointIsNotFound() {
        given().auth().preemptive().basic(SANDBOX_CLIENT, "sandbox-secret-not-a-real-credential")
                .formParam("grant_type", "client_credentials")
                .when().post("/sandbox/api/2/idp/token")
                .then().statusCode(404);
    }

    @Test
    void reportEndpointsAreNotFound() {
        given().when().get("/sandbox/api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc").then().statusCode(404);
        given().when().get("/sandbox/api/2/clients/" + SANDBOX_CLIENT).then().statusCode(404);
    }
}
