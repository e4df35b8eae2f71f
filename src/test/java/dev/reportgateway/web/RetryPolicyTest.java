package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Retries: what the caller gets and how many requests the platform saw. GET and DELETE retry on connection
 * failures and 429/502/503/504; POST only when the platform cannot have acted (connection refused, 429, 503).
 * The test profile shortens the waits to 100–150 ms; {@code Retry-After} is honoured up to 3 s.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class RetryPolicyTest extends UpstreamTest {

    private static final String REPORT_PATH = "/api/2/reports/" + REPORT_ID;
    private static final String REPORT = Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT);

    @Test
    void deleteAnswered503TwiceThen204Is204AfterThreeRequests() {
        sequence(() -> delete(urlPathMatching(REPORT_PATH)), List.of(
                Upstream.json(503, Upstream.errorJson(503, "Service Unavailable")),
                Upstream.json(503, Upstream.errorJson(503, "Service Unavailable")),
                noContent()));

        given().when().delete(REPORT_PATH + "?version=1").then().statusCode(204);
        wireMock.verify(3, deleteRequestedFor(urlEqualTo(REPORT_PATH + "?version=1")));
    }

    @Test
    void createAnswered500IsNotRetriedAnd502CarriesTheUpstreamError() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                .willReturn(Upstream.json(500, Upstream.errorJson(500, "Internal system error"))));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(502)
                .body("upstream.status", is(500))
                .body("upstream.message", equalTo("Internal system error"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void createAnswered503ThenSucceedsIsRetried() {
        sequence(() -> post(urlEqualTo(Upstream.REPORTS_PATH)), List.of(
                Upstream.json(503, Upstream.errorJson(503, "Service Unavailable")), Upstream.json(200, REPORT)));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(200);
        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void createWithResetConnectionIsNotRetried() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(502);
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void createWithMalformedAnswerIsNotRetried() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(200, "{\"id\": ")));

        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(502);
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        sequence(() -> get(urlEqualTo(REPORT_PATH)), List.of(
                Upstream.json(429, Upstream.errorJson(429, "Too Many Requests")).withHeader("Retry-After", "1"),
                Upstream.json(200, REPORT)));

        long started = System.nanoTime();
        given().when().get(REPORT_PATH).then().statusCode(200).body("id", equalTo(REPORT_ID));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(waitedMillis >= 950, "waited only " + waitedMillis + " ms");
        wireMock.verify(2, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        sequence(() -> post(urlEqualTo(Upstream.REPORTS_PATH)), List.of(
                Upstream.json(429, Upstream.errorJson(429, "Too Many Requests")).withHeader("Retry-After", inTwoSeconds),
                Upstream.json(200, REPORT)));

        long started = System.nanoTime();
        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(200);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(waitedMillis >= 900, "waited only " + waitedMillis + " ms");
        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void exhaustedBudgetIs502AfterThreeRequests() {
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(502, Upstream.errorJson(502, "Bad Gateway"))));

        given().when().get(REPORT_PATH).then().statusCode(502).body("upstream.status", is(502));
        wireMock.verify(3, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }

    @Test
    void readRecoversFrom504AndFromAResetConnectionAndAnEmptyAnswer() {
        sequence(() -> get(urlEqualTo(REPORT_PATH)), List.of(
                Upstream.json(504, Upstream.errorJson(504, "Gateway Timeout")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                Upstream.json(200, REPORT)));
        given().when().get(REPORT_PATH).then().statusCode(200);
        wireMock.verify(3, getRequestedFor(urlEqualTo(REPORT_PATH)));

        wireMock.resetRequests();
        wireMock.resetScenarios();
        sequence(() -> get(urlEqualTo(REPORT_PATH)), List.of(aResponse().withFault(Fault.EMPTY_RESPONSE), Upstream.json(200, REPORT)));
        given().when().get(REPORT_PATH).then().statusCode(200);
        wireMock.verify(2, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }

    @Test
    void readTimeoutIs504AndNotRetried() {
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(200, REPORT).withFixedDelay(1500)));

        given().when().get(REPORT_PATH).then().statusCode(504);
        wireMock.verify(1, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }

    @Test
    void notFoundIsNotRetried() {
        wireMock.stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(404, Upstream.errorJson(404, "Not Found"))));

        given().when().get(REPORT_PATH).then().statusCode(404);
        wireMock.verify(1, getRequestedFor(urlEqualTo(REPORT_PATH)));
    }

    /** Answers the calls matching {@code request} with {@code answers} in order, the last one from then on. */
    private void sequence(Supplier<MappingBuilder> request, List<ResponseDefinitionBuilder> answers) {
        for (int i = 0; i < answers.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "answer-" + i;
            ScenarioMappingBuilder step = request.get().inScenario("sequence").whenScenarioStateIs(state);
            if (i < answers.size() - 1) {
                step = step.willSetStateTo("answer-" + (i + 1));
            }
            wireMock.stubFor(step.willReturn(answers.get(i)));
        }
    }
}
