package dev.reportgateway.acronis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** In sandbox mode the gateway is ready once its own port issues sandbox tokens; liveness stays trivial. */
@QuarkusTest
class SandboxReadinessTest {

    @Test
    void readyWithSandboxMode() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'acronis-platform' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'acronis-platform' }.data.mode", equalTo("sandbox"))
                .body("checks.find { it.name == 'acronis-platform' }.data.data_center", equalTo("embedded sandbox"));
    }

    @Test
    void livenessNeedsNoPlatform() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
