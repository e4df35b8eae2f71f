package dev.reportgateway.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.reportgateway.billing.PackagedRuns.awaitRun;
import static dev.reportgateway.billing.PackagedRuns.awaitStatus;
import static dev.reportgateway.billing.PackagedRuns.startRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.reportgateway.store.EmbeddedPostgresServer;
import dev.reportgateway.store.PackagedGateway;
import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import io.restassured.path.json.JsonPath;

/**
 * Two packaged gateways on one PostgreSQL database and one platform: runs started on either are each executed once
 * (one create, one download, one delete each), and one {@code Idempotency-Key} sent to both at once creates one report.
 */
class TwoGatewaysPostgresqlIT {

    private static final String TENANT = BillingRunContract.TENANT;
    private static final String STORED_ID = "5d6b0a3c-1f7e-4c8a-9b2d-7e6f5a4b3c2d";
    private static final int RUNS = 20;

    private static WireMockServer wireMock;
    private static EmbeddedPostgresServer.TestDatabase database;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        Upstream.reset(wireMock, "fake-access-token-two");
        database = EmbeddedPostgresServer.shared().createDatabase();
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
        EmbeddedPostgresServer.shared().dropDatabase(database);
    }

    @Test
    void runsStartedOnEitherGatewayAreEachExecutedOnceAndOneKeyCreatesOneReport() throws Exception {
        byte[] report = BillingRunContract.gzip(BillingRunContract.fixture());
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).willReturn(Upstream.json(200, "{\"items\":[]}")));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            YearMonth month = YearMonth.of(2022, 1).plusMonths(i);
            months.add(month);
            String reportId = reportId(i);
            wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                    .withRequestBody(matchingJsonPath("$.parameters.tenant_id", equalTo(TENANT)))
                    .withRequestBody(matchingJsonPath("$.parameters.period.start", equalTo(month.atDay(1).toString())))
                    .willReturn(Upstream.json(200, BillingRunContract.report(reportId, month.atDay(1).toString(), month.atEndOfMonth().toString()))));
            wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId + "/stored"))
                    .willReturn(Upstream.json(200, BillingRunContract.stored("saved"))));
            wireMock.stubFor(get(urlEqualTo(downloadPath(reportId))).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/octet-stream").withBody(report)));
            wireMock.stubFor(delete(urlPathEqualTo("/api/2/reports/" + reportId)).willReturn(aResponse().withStatus(204)));
        }

        try (PackagedGateway first = launcher("two-a").start(); PackagedGateway second = launcher("two-b").start()) {
            List<PackagedGateway> gateways = List.of(first, second);
            List<String> runIds = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runIds.add(startRun(gateways.get(i % 2), months.get(i).toString(), TENANT));
            }
            for (int i = 0; i < RUNS; i++) {
                PackagedGateway gateway = gateways.get((i + 1) % 2); // each run is visible on the other process too
                JsonPath run = awaitStatus(gateway, runIds.get(i), "done");
                assertEquals(reportId(i), run.getString("report.id"), run.prettify());
                assertEquals(11, run.getLong("progress.rows_parsed"), run.prettify());
                awaitRun(gateway, runIds.get(i), "report deleted", json -> json.getBoolean("report.deleted"));
            }
            String logs = " (logs " + first.logFile() + ", " + second.logFile() + ")";
            assertEquals(RUNS, count(postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))), "creates" + logs);
            assertEquals(RUNS, deletes(), "deletes" + logs);
            for (int i = 0; i < RUNS; i++) {
                assertEquals(1, count(getRequestedFor(urlEqualTo(downloadPath(reportId(i))))), "downloads of " + reportId(i) + logs);
                assertEquals(1, count(deleteRequestedFor(urlPathEqualTo("/api/2/reports/" + reportId(i)))), "deletes of " + reportId(i) + logs);
            }

            oneKeySentToBothGatewaysAtOnceCreatesOneReport(first, second);
        }
    }

    /** The same key and body on both processes, while the platform takes a second to create: one create upstream. */
    private static void oneKeySentToBothGatewaysAtOnceCreatesOneReport(PackagedGateway first, PackagedGateway second) throws Exception {
        String reportId = "c9000000-0000-4000-8000-000000000099";
        String tenant = SeedReport.TENANT;
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(tenant))).willReturn(Upstream.json(200, "{\"items\":[]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).withRequestBody(matchingJsonPath("$.parameters.tenant_id", equalTo(tenant)))
                .willReturn(Upstream.json(200, Upstream.reportJson(reportId, 1, tenant)).withFixedDelay(1000)));
        String body = """
                {"parameters":{"kind":"usage_summary","tenant_id":"%s","level":"accounts",
                  "period":{"start":"2017-05-01","end":"2017-05-07"},"formats":["csv_v2_0"],
                  "hide_zero_usage":false,"show_skus":true},
                 "schedule":{"type":"once"},"result_action":"save","recipients":[]}
                """.formatted(tenant);
        String key = "its-two-gateways-" + UUID.randomUUID();
        RequestPatternBuilder creates = postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))
                .withRequestBody(matchingJsonPath("$.parameters.tenant_id", equalTo(tenant)));

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (PackagedGateway gateway : List.of(first, second)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(interrupted);
                }
                return PackagedRuns.post(gateway, "/api/2/reports", body, "Idempotency-Key", key);
            }));
        }
        go.countDown();
        int reports = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
            if (response.statusCode() == 200) {
                assertEquals(reportId, new JsonPath(response.body()).getString("id"), response.body());
                reports++;
            } else {
                assertEquals(409, response.statusCode(), response.body());
                assertEquals("urn:report-gateway:problem:idempotency-key-in-flight", new JsonPath(response.body()).getString("type"), response.body());
            }
        }
        assertTrue(reports >= 1, "at least one caller got the report");
        assertEquals(1, count(creates), "creates with the key (logs " + first.logFile() + ", " + second.logFile() + ")");

        for (PackagedGateway gateway : List.of(first, second)) {
            HttpResponse<String> retry = PackagedRuns.post(gateway, "/api/2/reports", body, "Idempotency-Key", key);
            assertEquals(200, retry.statusCode(), retry.body());
            assertEquals(reportId, new JsonPath(retry.body()).getString("id"), retry.body());
        }
        assertEquals(1, count(creates), "creates with the key after the retries");
    }

    private static PackagedGateway.Launcher launcher(String name) {
        return PackagedRuns.launcher(name, wireMock)
                .env("GATEWAY_DATABASE_URL", database.url())
                .env("GATEWAY_DATABASE_USERNAME", database.username())
                .env("GATEWAY_DATABASE_PASSWORD", database.password());
    }

    private static String reportId(int i) {
        return String.format("c%07d-0000-4000-8000-000000000000", i);
    }

    private static String downloadPath(String reportId) {
        return "/api/2/reports/" + reportId + "/stored/" + STORED_ID;
    }

    private static int deletes() {
        return wireMock.findAll(deleteRequestedFor(urlPathMatching("/api/2/reports/.*"))).size();
    }

    private static int count(RequestPatternBuilder pattern) {
        return wireMock.countRequestsMatching(pattern.build()).getCount();
    }
}
