package dev.reportgateway.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;


import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With every logger at its most verbose, a full run — token request, create, a 401 and renewal, delete, a
 * refused token request — leaves no client secret, Basic credentials or access token in any log line.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class LogRedactionTest extends UpstreamTest {

    private static final Path LOG_FILE = Path.of("target/quarkus-test.log");
    private static final String FIRST_TOKEN = "fake-access-token-aaaa1111";
    private static final String SECOND_TOKEN = "fake-access-token-bbbb2222";

    @Test
    void noCredentialReachesAnyLogLine() throws IOException {
        wireMock.stubFor(post(WireMock.urlPathEqualTo(Upstream.TOKEN_PATH)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(200, Upstream.tokenJson(FIRST_TOKEN, Instant.now().plusSeconds(7200).getEpochSecond())))
                .willSetStateTo("second"));
        wireMock.stubFor(post(WireMock.urlPathEqualTo(Upstream.TOKEN_PATH)).inScenario("t").whenScenarioStateIs("second")
                .willReturn(Upstream.json(200, Upstream.tokenJson(SECOND_TOKEN, Instant.now().plusSeconds(7200).getEpochSecond()))));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).withHeader("Authorization", WireMock.equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(Upstream.json(401, Upstream.errorJson(401, "Token expired"))));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).withHeader("Authorization", WireMock.equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        wireMock.stubFor(delete(urlPathMatching("/api/2/reports/.*")).willReturn(noContent()));

        long before = Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
        Logger root = Logger.getLogger("");
        Level previous = root.getLevel();
        root.setLevel(Level.ALL);
        try {
            given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                    .when().post("/api/2/reports").then().statusCode(200);
            given().when().delete("/api/2/reports/" + REPORT_ID + "?version=1").then().statusCode(204);
            tokens.discardRejected(tokens.generation());
            wireMock.stubFor(post(WireMock.urlPathEqualTo(Upstream.TOKEN_PATH)).willReturn(Upstream.json(401,
                    "{\"error\":\"access_denied\",\"error_description\":\"wrong secret\"}")));
            given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                    .when().post("/api/2/reports").then().statusCode(502);
        } finally {
            root.setLevel(previous);
        }

        String logged = readFrom(before);
        assertTrue(logged.contains("OidcClient"), "the capture must include the OIDC client's debug lines");
        assertTrue(logged.contains(REPORT_ID), "the capture must include the run's own lines");
        String basic = Base64.getEncoder().encodeToString(
                (WireMockUpstream.CLIENT_ID + ":" + WireMockUpstream.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(WireMockUpstream.CLIENT_SECRET, basic, FIRST_TOKEN, SECOND_TOKEN)) {
            assertFalse(logged.contains(secret), () -> "a log line contains " + secret + ":\n" + lineWith(logged, secret));
        }
    }

    private static String readFrom(long offset) throws IOException {
        byte[] all = Files.readAllBytes(LOG_FILE);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
    }

    private static String lineWith(String text, String secret) {
        return text.lines().filter(line -> line.contains(secret)).findFirst().orElse("");
    }
}
