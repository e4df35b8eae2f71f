package dev.reportgateway.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.reportgateway.billing.PackagedRuns.await;
import static dev.reportgateway.billing.PackagedRuns.awaitRun;
import static dev.reportgateway.billing.PackagedRuns.awaitStatus;
import static dev.reportgateway.billing.PackagedRuns.getJson;
import static dev.reportgateway.billing.PackagedRuns.startRun;
import static dev.reportgateway.billing.PackagedRuns.usageRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.store.PackagedGateway;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.usage.SyntheticCsvReport;
import io.restassured.path.json.JsonPath;

/**
 * A billing run survives kill -9 of the packaged gateway (H2, real mode against WireMock) in each of its stages: the
 * restart on the same data directory finishes it with one upstream create and one delete, and the usage rows of the
 * report exactly once. In sandbox mode, a done run and its rows survive a graceful restart.
 */
class BillingRunRestartIT {

    private static final String TENANT = BillingRunContract.TENANT;
    private static final String STORED_ID = "5d6b0a3c-1f7e-4c8a-9b2d-7e6f5a4b3c2d";
    private static final long FIXTURE_ROWS = 11;
    private static final long LARGE_ROWS = 200_000;
    /** Parsing and storing the large report twice on a slow, busy machine may take minutes. */
    private static final Duration LONG_STAGE = Duration.ofMinutes(6);

    private static WireMockServer wireMock;

    @BeforeAll
    static void startUpstream() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterAll
    static void stopUpstream() {
        wireMock.stop();
    }

    @BeforeEach
    void freshUpstream() {
        Upstream.reset(wireMock, "fake-access-token-its");
    }

    @Test
    void aRunKilledWhileCreatingFindsItsReportInsteadOfCreatingAnother() {
        String reportId = "b1000000-0000-4000-8000-000000000001";
        stubPlatform(reportId, "2024-01", aResponse().withFixedDelay(8000), fixtureDownload(), fixtureDownload(), true);
        PackagedGateway.Launcher launcher = PackagedRuns.launcher("restart-creating", wireMock);
        String runId;
        try (PackagedGateway gateway = launcher.start()) {
            runId = startRun(gateway, "2024-01", TENANT);
            awaitRequest(postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)), gateway);
            assertEquals("creating", getJson(gateway, "/billing/runs/" + runId).getString("status"));
            gateway.kill();
        }
        finishAfterRestart(launcher, runId, reportId, FIXTURE_ROWS, PackagedRuns.DEADLINE);
    }

    @Test
    void aRunKilledWhileTheReportIsGeneratedPollsOnAfterTheRestart() {
        String reportId = "b2000000-0000-4000-8000-000000000002";
        stubPlatform(reportId, "2024-02", aResponse(), fixtureDownload(), fixtureDownload(), false);
        PackagedGateway.Launcher launcher = PackagedRuns.launcher("restart-generating", wireMock);
        String runId;
        try (PackagedGateway gateway = launcher.start()) {
            runId = startRun(gateway, "2024-02", TENANT);
            awaitRun(gateway, runId, "generating, polled", run -> "generating".equals(run.getString("status"))
                    && run.getInt("progress.polls") >= 1);
            gateway.kill();
        }
        wireMock.setScenarioState(storedScenario(reportId), "saved");
        finishAfterRestart(launcher, runId, reportId, FIXTURE_ROWS, PackagedRuns.DEADLINE);
    }

    @Test
    void aRunKilledWhileDownloadingDownloadsAgainAfterTheRestart() {
        String reportId = "b3000000-0000-4000-8000-000000000003";
        // the first download dribbles for half a minute; the second (after the restart) is quick
        stubPlatform(reportId, "2024-03", aResponse(), fixtureDownload().withChunkedDribbleDelay(20, 30_000), fixtureDownload(), true);
        PackagedGateway.Launcher launcher = PackagedRuns.launcher("restart-downloading", wireMock);
        String runId;
        try (PackagedGateway gateway = launcher.start()) {
            runId = startRun(gateway, "2024-03", TENANT);
            awaitRequest(getRequestedFor(urlEqualTo(downloadPath(reportId))), gateway);
            assertEquals("downloading", getJson(gateway, "/billing/runs/" + runId).getString("status"));
            gateway.kill();
        }
        finishAfterRestart(launcher, runId, reportId, FIXTURE_ROWS, PackagedRuns.DEADLINE);
    }

    @Test
    void aRunKilledWhileParsingParsesAgainAfterTheRestartAndKeepsEachRowOnce() {
        String reportId = "b4000000-0000-4000-8000-000000000004";
        byte[] large = largeReport();
        stubPlatform(reportId, "2024-04", aResponse(), download(large), download(large), true);
        PackagedGateway.Launcher launcher = PackagedRuns.launcher("restart-parsing", wireMock);
        String runId;
        try (PackagedGateway gateway = launcher.start()) {
            runId = startRun(gateway, "2024-04", TENANT);
            JsonPath parsing = awaitRun(gateway, runId, "parsing", LONG_STAGE, run -> !"queued".equals(run.getString("status"))
                    && !"creating".equals(run.getString("status")) && !"generating".equals(run.getString("status"))
                    && !"downloading".equals(run.getString("status")));
            assertEquals("parsing", parsing.getString("status"), "the run is observed while it parses: " + parsing.prettify());
            gateway.kill();
        }
        finishAfterRestart(launcher, runId, reportId, LARGE_ROWS, LONG_STAGE);
    }

    @Test
    void inSandboxModeADoneRunAndItsRowsSurviveAGracefulRestart() {
        PackagedGateway.Launcher launcher = PackagedRuns.launcher("restart-sandbox", null);
        String runId;
        JsonPath before;
        long rows;
        try (PackagedGateway gateway = launcher.start()) {
            runId = startRun(gateway, "2024-05", null);
            awaitStatus(gateway, runId, "done");
            before = getJson(gateway, "/billing/runs/" + runId + "/usage");
            rows = usageRows(gateway, runId);
            assertTrue(rows > 0, "the sandbox's report has rows");
            gateway.stop();
            assertTrue(gateway.log().contains("stopped in"), "graceful stop: " + gateway.logFile());
        }
        try (PackagedGateway restarted = launcher.start()) {
            JsonPath run = getJson(restarted, "/billing/runs/" + runId);
            assertEquals("done", run.getString("status"));
            JsonPath after = getJson(restarted, "/billing/runs/" + runId + "/usage");
            assertEquals(before.getList("totals.items"), after.getList("totals.items"));
            assertEquals(before.getList("totals.tenant_items"), after.getList("totals.tenant_items"));
            assertEquals(before.getList("rows").size(), after.getList("rows").size());
            assertEquals(rows, usageRows(restarted, runId));
        }
    }

    /** Restarts on the same data directory and asserts the run finishes with one create, one delete and each row once. */
    private static void finishAfterRestart(PackagedGateway.Launcher launcher, String runId, String reportId, long expectedRows,
            Duration deadline) {
        try (PackagedGateway restarted = launcher.start()) {
            JsonPath run = awaitStatus(restarted, runId, "done", deadline);
            assertEquals(reportId, run.getString("report.id"), run.prettify());
            assertEquals(expectedRows, run.getLong("progress.rows_parsed"), run.prettify());
            awaitRun(restarted, runId, "report deleted", json -> json.getBoolean("report.deleted"));
            assertEquals(1, count(postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH))), "creates; log " + restarted.logFile());
            assertEquals(1, count(deleteRequestedFor(urlPathEqualTo("/api/2/reports/" + reportId))), "deletes; log " + restarted.logFile());
            assertEquals(expectedRows, usageRows(restarted, runId));
        }
    }

    /**
     * The platform: the tenant has no report until the create (which may be slow), then this one; the report answers
     * with the body the gateway sends; the stored list is in progress once (or until the test says saved); the first
     * download answers {@code download}, later ones {@code downloadAgain}; delete 204.
     */
    private static void stubPlatform(String reportId, String month, ResponseDefinitionBuilder create, ResponseDefinitionBuilder download,
            ResponseDefinitionBuilder downloadAgain, boolean becomesReady) {
        java.time.YearMonth period = java.time.YearMonth.parse(month);
        String report = BillingRunContract.report(reportId, period.atDay(1).toString(), period.atEndOfMonth().toString());
        String tenantScenario = "tenant-" + reportId;
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).inScenario(tenantScenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(Upstream.json(200, "{\"items\":[]}")));
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).inScenario(tenantScenario)
                .whenScenarioStateIs("created").willReturn(Upstream.json(200, "{\"items\":[\"" + reportId + "\"]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).inScenario(tenantScenario).willSetStateTo("created")
                .willReturn(create.withStatus(200).withHeader("Content-Type", "application/json").withBody(report)));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId)).willReturn(Upstream.json(200, report)));
        String storedPath = "/api/2/reports/" + reportId + "/stored";
        wireMock.stubFor(get(urlEqualTo(storedPath)).inScenario(storedScenario(reportId)).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(200, BillingRunContract.stored("in_progress")))
                .willSetStateTo(becomesReady ? "saved" : Scenario.STARTED));
        wireMock.stubFor(get(urlEqualTo(storedPath)).inScenario(storedScenario(reportId)).whenScenarioStateIs("saved")
                .willReturn(Upstream.json(200, BillingRunContract.stored("saved"))));
        wireMock.stubFor(get(urlEqualTo(downloadPath(reportId))).inScenario("download-" + reportId)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again").willReturn(download));
        wireMock.stubFor(get(urlEqualTo(downloadPath(reportId))).inScenario("download-" + reportId)
                .whenScenarioStateIs("again").willReturn(downloadAgain));
        wireMock.stubFor(delete(urlPathEqualTo("/api/2/reports/" + reportId)).willReturn(aResponse().withStatus(204)));
    }

    private static String storedScenario(String reportId) {
        return "stored-" + reportId;
    }

    private static String downloadPath(String reportId) {
        return "/api/2/reports/" + reportId + "/stored/" + STORED_ID;
    }

    private static ResponseDefinitionBuilder fixtureDownload() {
        try {
            return download(BillingRunContract.gzip(BillingRunContract.fixture()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static ResponseDefinitionBuilder download(byte[] gzip) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(gzip);
    }

    /** A gzip csv_v2_0 report of {@link #LARGE_ROWS} rows: parsing and storing it takes a while. */
    private static byte[] largeReport() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream report = new SyntheticCsvReport(LARGE_ROWS); GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            report.transferTo(gzip);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return bytes.toByteArray();
    }

    private static int count(RequestPatternBuilder pattern) {
        return wireMock.countRequestsMatching(pattern.build()).getCount();
    }

    private static void awaitRequest(RequestPatternBuilder pattern, PackagedGateway gateway) {
        await("the platform to receive " + pattern.build(), () -> count(pattern) > 0, () -> "gateway log " + gateway.logFile());
    }
}
