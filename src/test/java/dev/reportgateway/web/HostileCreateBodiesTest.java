package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.report.HostileCreateBodies;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hostile create bodies over HTTP: a sample of {@link HostileCreateBodies} (the first 30, every kind three times;
 * all 1,200 go through the validator in {@code CreateReportValidatorFuzzTest}). Every answer is a 400 or 413
 * problem, never a 5xx, and the platform sees no request at all.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class HostileCreateBodiesTest extends UpstreamTest {

    private static final int SAMPLE = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyHostileBodyIsRefusedCleanlyAndNothingGoesUpstream() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> sample = HostileCreateBodies.first(SAMPLE);
        for (int i = 0; i < sample.size(); i++) {
            String body = sample.get(i);
            Response answer = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/2/reports");
            int status = answer.statusCode();
            boolean problem = answer.contentType().startsWith("application/problem+json")
                    && JSON.readTree(answer.asByteArray()).path("status").asInt() == status;
            if ((status != 400 && status != 413) || !problem) {
                failures.add("#" + i + " -> " + status + " " + answer.asString() + "\n   body: "
                        + body.substring(0, Math.min(300, body.length())));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + SAMPLE + " bodies were not refused cleanly:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        assertEquals(0, wireMock.getAllServeEvents().size(), "the platform must see nothing");
    }
}
