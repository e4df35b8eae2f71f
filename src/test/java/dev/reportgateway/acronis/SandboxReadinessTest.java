package dev.reportgateway.acronis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * In sandbox mode the gateway is ready once its own port issues sandbox tokens and its database, opened beside the
 * start, is open; liveness stays trivial.
 */
@QuarkusTest
class SandboxReadinessTest {

    @Test
    void readyWithSandboxMode() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (given().when().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50); // the database may still be opening
        }
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.state", equalTo("open"))
                .body("checks.find { it.name == 'acronis-platform' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'acronis-platform' }.data.mode", equalTo("sandbox"))
                .body("checks.find { it.name == 'acronis-platform' }.data.data_center", equalTo("embedded sandbox"));
    }

    @Test
    void livenessNeedsNoPlatform() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
