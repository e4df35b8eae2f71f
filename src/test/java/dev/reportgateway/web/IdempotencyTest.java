package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.report.IdempotencyConfig;
import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code Idempotency-Key} on create: a retried create makes one report upstream, whatever happens in between,
 * the gateway's death included.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class IdempotencyTest extends UpstreamTest {

    private static final String SEED = SeedReport.body(SeedReport.TENANT);

    @Inject
    DyingKeyStore keyStore;

    @Inject
    IdempotencyConfig idempotency;

    @BeforeEach
    void stubCreate() {
        Upstream.stubCreated(wireMock, REPORT_ID);
    }

    @AfterEach
    void live() {
        keyStore.live();
    }

    @Test
    void sameKeyAndBodyIsReplayedAndCreatesOneReport() {
        String key = UUID.randomUUID().toString();
        String first = create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().asString();
        String second = create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();

        assertEquals(first, second);
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        create(key, SEED).then().statusCode(200);
        create(key, SEED.replace("usage_summary", "usage_daily"))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:report-gateway:problem:idempotency-key-reused"))
                .body("detail", equalTo("This Idempotency-Key was already used with a different request body."));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void concurrentDuplicateIs409() throws Exception {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT)).withFixedDelay(800)));
        String key = UUID.randomUUID().toString();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> createAs(TestKeys.ADMIN, key, SEED).statusCode());
        Upstream.awaitRequest(wireMock, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));

        create(key, SEED).then().statusCode(409)
                .body("type", equalTo("urn:report-gateway:problem:idempotency-key-in-flight"));
        assertEquals(200, first.get());
        create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", "true");
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void aRefusedCreateFreesTheKeyForTheRetry() {
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(400, Upstream.errorJson(400, "Usage history is not ready"))).willSetStateTo("ok"));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        String key = UUID.randomUUID().toString();

        create(key, SEED).then().statusCode(400);
        create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", nullValue());
        create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", "true");
        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    /**
     * The platform makes the report but the gateway never learns it: the answer comes after the read timeout, or
     * is a 500. The retry with the key finds the new report among the tenant's and answers it: one report upstream.
     */
    @ParameterizedTest
    @ValueSource(strings = { "answer after the read timeout", "500 after acting" })
    void aCreateWhoseOutcomeWasUnknownIsFoundNotMadeTwice(String failure) {
        String tenantReports = Upstream.tenantReportsPath(SeedReport.TENANT);
        String existing = "6f1a8a3e-5c8e-4b9f-9d47-2d0c2b7e1a11";
        ResponseDefinitionBuilder actedButNoAnswer = failure.startsWith("500")
                ? Upstream.json(500, Upstream.errorJson(500, "Internal system error"))
                : Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT)).withFixedDelay(2500);
        wireMock.stubFor(get(urlEqualTo(tenantReports)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(200, "{\"items\":[\"" + existing + "\"]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(actedButNoAnswer).willSetStateTo("created"));
        wireMock.stubFor(get(urlEqualTo(tenantReports)).inScenario("create").whenScenarioStateIs("created")
                .willReturn(Upstream.json(200, "{\"items\":[\"" + existing + "\",\"" + REPORT_ID.toUpperCase() + "\"]}")));
        wireMock.stubFor(get(urlEqualTo(Upstream.REPORTS_PATH + "/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        String key = UUID.randomUUID().toString();

        create(key, SEED).then().statusCode(failure.startsWith("500") ? 502 : 504);
        create(key, SEED).then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(REPORT_ID))
                .body("version", equalTo(1));
        create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(REPORT_ID));

        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
        wireMock.verify(0, getRequestedFor(urlEqualTo(Upstream.REPORTS_PATH + "/" + existing)));
    }

    /**
     * The platform makes the report, then the gateway dies before it stores the answer: the caller gets no answer,
     * and the key stays held until the claim times out. Then the retry (on any replica, or after a restart) finds
     * the report from the attempt the gateway stored before its call, instead of creating a second one.
     */
    @Test
    void aCreateWhoseGatewayDiedAfterThePostIsFoundNotMadeTwice() {
        String tenantReports = Upstream.tenantReportsPath(SeedReport.TENANT);
        String existing = "6f1a8a3e-5c8e-4b9f-9d47-2d0c2b7e1a11";
        wireMock.stubFor(get(urlEqualTo(tenantReports)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(200, "{\"items\":[\"" + existing + "\"]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))).willSetStateTo("created"));
        wireMock.stubFor(get(urlEqualTo(tenantReports)).inScenario("create").whenScenarioStateIs("created")
                .willReturn(Upstream.json(200, "{\"items\":[\"" + existing + "\",\"" + REPORT_ID + "\"]}")));
        wireMock.stubFor(get(urlEqualTo(Upstream.REPORTS_PATH + "/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        String key = UUID.randomUUID().toString();

        keyStore.dieBeforeTheNextAnswer();
        create(key, SEED).then().statusCode(500);
        create(key, SEED).then().statusCode(409).body("type", equalTo("urn:report-gateway:problem:idempotency-key-in-flight"));

        clock.advance(idempotency.claimTimeout().plusSeconds(1));
        create(key, SEED).then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(REPORT_ID));
        create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(REPORT_ID));

        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
        wireMock.verify(1, getRequestedFor(urlEqualTo(Upstream.REPORTS_PATH + "/" + REPORT_ID)));
    }

    @Test
    void aCreateWhoseOutcomeWasUnknownIsMadeOnRetryWhenNoNewReportMatches() {
        String other = "6f1a8a3e-5c8e-4b9f-9d47-2d0c2b7e1a11";
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(500, Upstream.errorJson(500, "Internal system error"))).willSetStateTo("failed"));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).inScenario("create").whenScenarioStateIs("failed")
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(SeedReport.TENANT))).inScenario("create")
                .whenScenarioStateIs("failed").willReturn(Upstream.json(200, "{\"items\":[\"" + other + "\"]}")));
        // someone else's new report for the tenant, for another period
        wireMock.stubFor(get(urlEqualTo(Upstream.REPORTS_PATH + "/" + other)).willReturn(Upstream.json(200,
                Upstream.reportJson(other, 1, SeedReport.TENANT).replace("2017-05-07", "2017-05-06"))));
        String key = UUID.randomUUID().toString();

        create(key, SEED).then().statusCode(502);
        create(key, SEED).then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("id", equalTo(REPORT_ID));

        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
        wireMock.verify(1, getRequestedFor(urlEqualTo(Upstream.REPORTS_PATH + "/" + other)));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        createAs(TestKeys.ADMIN, key, SEED).then().statusCode(200);
        createAs(TestKeys.WRITER, key, SEED).then().statusCode(200).header("Idempotent-Replayed", nullValue());
        wireMock.verify(2, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void malformedKeyIs400() {
        create("with space", SEED).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        create("x".repeat(256), SEED).then().statusCode(400);
        wireMock.verify(0, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    private static Response create(String key, String body) {
        return createAs(TestKeys.ADMIN, key, body);
    }

    private static Response createAs(String apiKey, String idempotencyKey, String body) {
        return given().header("Authorization", "Bearer " + apiKey).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body).when().post("/api/2/reports");
    }
}
