package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** One access-log line per request: method, route template, status, duration, caller; never the id it was called with. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class AccessLogTest extends UpstreamTest {

    private static final Path LOG_FILE = Path.of("target/quarkus-test.log");

    @Test
    void requestsAreLoggedByTemplateAndCaller() throws IOException {
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        long before = Files.size(LOG_FILE);

        given().header("Authorization", "Bearer " + TestKeys.READER).when().get("/api/2/reports/" + REPORT_ID).then().statusCode(200);
        given().header("Authorization", "Bearer " + TestKeys.READER).when().delete("/api/2/reports/" + REPORT_ID + "?version=1").then().statusCode(403);
        TestKeys.clearDefault();
        given().when().get("/api/2/reports/" + REPORT_ID).then().statusCode(401);

        List<String> access = accessLinesSince(before);
        assertTrue(access.stream().anyMatch(line -> line.matches(".*GET /api/2/reports/\\{report_id} 200 [0-9.]+ms caller=test-reader$")),
                String.join("\n", access));
        assertTrue(access.stream().anyMatch(line -> line.matches(".*DELETE /api/2/reports/\\{report_id} 403 [0-9.]+ms caller=test-reader$")),
                String.join("\n", access));
        assertTrue(access.stream().anyMatch(line -> line.matches(".*GET /api/2/reports/\\{report_id} 401 [0-9.]+ms caller=-$")),
                String.join("\n", access));
        assertTrue(access.stream().noneMatch(line -> line.contains(REPORT_ID) || line.contains(TestKeys.READER)),
                String.join("\n", access));
    }

    private static List<String> accessLinesSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(LOG_FILE);
        return new String(all, (int) offset, (int) (all.length - offset), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("[dev.reportgateway.access]") || line.contains("[dev.rep.access]"))
                .toList();
    }
}
