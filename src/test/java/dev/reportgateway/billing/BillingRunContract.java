package dev.reportgateway.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.reportgateway.store.RunRow;
import dev.reportgateway.store.RunStore;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Billing runs against a stand-in platform: the exact upstream calls of each stage, the stored rows, and what a run
 * does when the platform refuses, fails, is slow past the deadline, or the caller cancels. Each test bills its own
 * month, so runs of earlier tests never count as the live run of a later one. Run on H2 by {@link BillingRunTest} and
 * on PostgreSQL by {@link BillingRunPostgresqlTest}: one abstract class, as a {@code @QuarkusTest} class is a bean and
 * a subclass of one would make its type ambiguous.
 */
public abstract class BillingRunContract extends UpstreamTest {

    static final String TENANT = "0f000000-0000-4000-8000-000000000001";
    private static final String STORED_ID = "5d6b0a3c-1f7e-4c8a-9b2d-7e6f5a4b3c2d";
    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    RunStore runStore;

    @Test
    void aRunCreatesPollsDownloadsParsesStoresAndDeletesItsReport() throws IOException {
        String reportId = "a1000000-0000-4000-8000-000000000001";
        stubReport(reportId, "2025-01-01", "2025-01-31", true);

        String location = given().contentType("application/json").body("{\"month\":\"2025-01\",\"tenant_id\":\"" + TENANT + "\"}")
                .when().post("/billing/runs")
                .then().statusCode(202)
                .body("status", is("queued"))
                .body("tenant_id", is(TENANT))
                .body("period.start", is("2025-01-01"))
                .body("period.end", is("2025-01-31"))
                .body("level", is("all_customers"))
                .body("keep_report", is(false))
                .extract().header("Location");
        String runId = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(location.endsWith("/billing/runs/" + runId), location);

        JsonPath run = awaitStatus(runId, "done");
        assertEquals(reportId, run.getString("report.id"));
        assertEquals(3, run.getInt("report.version"));
        assertEquals(STORED_ID, run.getString("report.stored_report_id"));
        assertEquals("csv_v2_0", run.getString("report.format"));
        assertEquals(11, run.getLong("progress.rows_parsed"));
        assertEquals(gzip(fixture()).length, run.getLong("progress.bytes_downloaded"));
        assertEquals(2, run.getInt("progress.polls"));
        assertEquals(List.of(), run.getList("warnings"));

        // exactly one create, of a one-time saved csv_v2_0 usage summary of the month
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)).withRequestBody(equalToJson("""
                {"parameters":{"kind":"usage_summary","tenant_id":"%s","level":"all_customers",
                  "period":{"start":"2025-01-01","end":"2025-01-31"},"formats":["csv_v2_0"],
                  "hide_zero_usage":false,"show_skus":true},
                 "schedule":{"type":"once"},"result_action":"save","recipients":[]}
                """.formatted(TENANT))));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/api/2/reports/" + reportId + "/stored/" + STORED_ID)));
        awaitReportDeleted(runId);
        wireMock.verify(1, deleteRequestedFor(urlEqualTo("/api/2/reports/" + reportId + "?version=3")));

        // the usage of the run, from the database, is what the usage endpoint makes of the same stored report
        JsonPath stored = given().when().get("/billing/runs/" + runId + "/usage").then().statusCode(200)
                .contentType("application/json").extract().jsonPath().using(DECIMALS);
        JsonPath direct = given().when().get("/billing/reports/" + reportId + "/stored/" + STORED_ID + "/usage").then().statusCode(200)
                .extract().jsonPath().using(DECIMALS);
        assertEquals(direct.getList("totals.tenant_items"), stored.getList("totals.tenant_items"));
        assertEquals(direct.getList("totals.items"), stored.getList("totals.items"));
        assertEquals(direct.getList("rows"), stored.getList("rows"));
        assertEquals(runId, stored.getString("run_id"));
        assertEquals(new BigDecimal("2.51"), stored.get(
                "totals.items.find { it.offering_item == 'pw_base_storage' }.billable.quantity"));

        String csv = given().accept("text/csv").when().get("/billing/runs/" + runId + "/usage").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        String directCsv = given().accept("text/csv").when().get("/billing/reports/" + reportId + "/stored/" + STORED_ID + "/usage")
                .then().statusCode(200).extract().asString();
        assertEquals(directCsv, csv);

        String beta = "0f000000-0000-4000-8000-00000000000b";
        given().queryParam("tenant_id", beta).when().get("/billing/runs/" + runId + "/usage").then().statusCode(200)
                .body("tenant_id", is(beta)).body("rows.tenant_id", everyItem(is(beta))).body("rows", hasSize(4));
    }

    @Test
    void theSameTenantPeriodAndLevelIsOneLiveRunAndAFailedOneMayBeRetried() throws IOException {
        String reportId = "a2000000-0000-4000-8000-000000000002";
        stubReport(reportId, "2025-02-01", "2025-02-28", false);
        String body = "{\"month\":\"2025-02\",\"tenant_id\":\"" + TENANT + "\"}";

        String first = given().contentType("application/json").body(body).when().post("/billing/runs")
                .then().statusCode(202).extract().path("id");
        given().contentType("application/json").body(body).when().post("/billing/runs")
                .then().statusCode(200).body("id", is(first)).header("Location", endsWith("/billing/runs/" + first));
        given().contentType("application/json").body("{\"period\":{\"start\":\"2025-02-01\",\"end\":\"2025-02-28\"},"
                + "\"tenant_id\":\"" + TENANT.toUpperCase(java.util.Locale.ROOT) + "\"}")
                .when().post("/billing/runs").then().statusCode(200).body("id", is(first));
        String otherLevel = given().contentType("application/json")
                .body("{\"month\":\"2025-02\",\"tenant_id\":\"" + TENANT + "\",\"level\":\"accounts\"}")
                .when().post("/billing/runs").then().statusCode(202).extract().path("id");
        assertTrue(!otherLevel.equals(first));

        given().when().delete("/billing/runs/" + first).then().statusCode(202).body("cancel_requested", is(true));
        given().when().delete("/billing/runs/" + otherLevel).then().statusCode(202);
        awaitStatus(first, "cancelled");
        awaitStatus(otherLevel, "cancelled");
        String second = given().contentType("application/json").body(body).when().post("/billing/runs")
                .then().statusCode(202).extract().path("id");
        assertTrue(!second.equals(first));
        given().when().delete("/billing/runs/" + second).then().statusCode(202);
        awaitStatus(second, "cancelled");
    }

    @Test
    void aCancelledRunDeletesItsReportAndADeletedRunIsGone() throws IOException {
        String reportId = "a3000000-0000-4000-8000-000000000003";
        stubReport(reportId, "2025-03-01", "2025-03-31", false);
        String runId = start("2025-03");
        awaitPolls(runId, 2);

        given().when().delete("/billing/runs/" + runId).then().statusCode(202).body("id", is(runId));
        JsonPath run = awaitStatus(runId, "cancelled");
        assertEquals(null, run.getString("failure"));
        awaitReportDeleted(runId);
        wireMock.verify(1, deleteRequestedFor(urlEqualTo("/api/2/reports/" + reportId + "?version=3")));
        given().when().get("/billing/runs/" + runId + "/usage").then().statusCode(409)
                .body("type", is("urn:report-gateway:problem:billing-run-not-done"));

        given().when().delete("/billing/runs/" + runId).then().statusCode(204);
        given().when().get("/billing/runs/" + runId).then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:report-gateway:problem:billing-run-not-found"));
    }

    @Test
    void aRefusedCreateFailsTheRunInItsStageWithTheProblemAnApiCallWouldGet() {
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).willReturn(Upstream.json(200, "{\"items\":[]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                .willReturn(Upstream.json(400, Upstream.errorJson(1000, "Period is not allowed"))));
        String runId = start("2025-04");

        JsonPath run = awaitStatus(runId, "failed");
        assertEquals("creating", run.getString("failure.stage"));
        assertEquals(false, run.getBoolean("failure.retryable"));
        assertEquals("urn:report-gateway:problem:upstream-refused", run.getString("failure.problem.type"));
        assertEquals(400, run.getInt("failure.problem.status"));
        assertEquals("Period is not allowed", run.getString("failure.problem.detail"));
        assertEquals(400, run.getInt("failure.problem.upstream.status"));
        assertEquals("/billing/runs/" + runId, run.getString("failure.problem.instance"));
        assertEquals(null, run.getString("report"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void anIdempotencyKeyAnswersTheRunItStartedEvenOnceItFailed() {
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).willReturn(Upstream.json(200, "{\"items\":[]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                .willReturn(Upstream.json(400, Upstream.errorJson(1000, "Period is not allowed"))));
        String body = "{\"month\":\"2024-09\",\"tenant_id\":\"" + TENANT + "\"}";
        String key = "billing-2024-09-" + java.util.UUID.randomUUID();
        String runId = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/billing/runs").then().statusCode(202).extract().path("id");
        awaitStatus(runId, "failed");

        given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/billing/runs").then().statusCode(200).body("id", is(runId)).body("status", is("failed"));
        given().header("Idempotency-Key", key).contentType("application/json")
                .body("{\"month\":\"2024-08\",\"tenant_id\":\"" + TENANT + "\"}")
                .when().post("/billing/runs").then().statusCode(422)
                .body("type", is("urn:report-gateway:problem:idempotency-key-reused"));
        // without the key, the failed run does not stand in the way of a new one
        String retried = given().contentType("application/json").body(body).when().post("/billing/runs")
                .then().statusCode(202).extract().path("id");
        assertTrue(!retried.equals(runId));
        awaitStatus(retried, "failed");
    }

    @Test
    void aStoredReportThePlatformFailedToMakeFailsTheRunRetryably() throws IOException {
        String reportId = "a5000000-0000-4000-8000-000000000005";
        stubReport(reportId, "2025-05-01", "2025-05-31", true);
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId + "/stored")).willReturn(Upstream.json(200, stored("failed"))));
        String runId = start("2025-05");

        JsonPath run = awaitStatus(runId, "failed");
        assertEquals("generating", run.getString("failure.stage"));
        assertEquals(true, run.getBoolean("failure.retryable"));
        assertEquals("urn:report-gateway:problem:stored-report-failed", run.getString("failure.problem.type"));
        awaitReportDeleted(runId);
    }

    @Test
    void aMalformedReportFailsTheRunWhileParsingAndKeepsNoRows() throws IOException {
        String reportId = "a6000000-0000-4000-8000-000000000006";
        stubReport(reportId, "2025-06-01", "2025-06-30", true);
        byte[] malformed;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream("usage/malformed-number.csv_v2_0.csv"))) {
            malformed = in.readAllBytes();
        }
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId + "/stored/" + STORED_ID))
                .willReturn(aResponse().withStatus(200).withBody(gzip(malformed))));
        String runId = start("2025-06");

        JsonPath run = awaitStatus(runId, "failed");
        assertEquals("parsing", run.getString("failure.stage"));
        assertEquals(false, run.getBoolean("failure.retryable"));
        assertEquals("urn:report-gateway:problem:stored-report-malformed", run.getString("failure.problem.type"));
        given().when().get("/billing/runs/" + runId + "/usage").then().statusCode(409);
    }

    @Test
    void aRunPastItsDeadlineFailsRetryablyAndDeletesItsReport() throws IOException {
        String reportId = "a7000000-0000-4000-8000-000000000007";
        stubReport(reportId, "2025-07-01", "2025-07-31", false);
        String runId = start("2025-07");
        awaitPolls(runId, 2);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        JsonPath run = awaitStatus(runId, "failed");
        assertEquals("generating", run.getString("failure.stage"));
        assertEquals(true, run.getBoolean("failure.retryable"));
        assertEquals("urn:report-gateway:problem:billing-run-deadline", run.getString("failure.problem.type"));
        assertEquals(504, run.getInt("failure.problem.status"));
        awaitReportDeleted(runId);
    }

    @Test
    void aBusyPlatformIsAskedAgainNoSoonerThanItsRetryAfter() throws IOException {
        String reportId = "a8000000-0000-4000-8000-000000000008";
        stubReport(reportId, "2025-08-01", "2025-08-31", true);
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId + "/stored"))
                .willReturn(Upstream.json(429, Upstream.errorJson(429, "Slow down")).withHeader("Retry-After", "3600")));
        Instant before = Instant.now();
        String runId = start("2025-08");

        JsonPath run = await(runId, json -> json.getInt("progress.attempts") >= 1);
        assertEquals("generating", run.getString("status"));
        Instant next = Instant.parse(run.getString("progress.next_poll_at"));
        assertTrue(!next.isBefore(before.plusSeconds(3600)), "next look at " + next);
        given().when().delete("/billing/runs/" + runId).then().statusCode(202);
        awaitStatus(runId, "cancelled");
    }

    @Test
    void aRunResumedAfterACrashBetweenCreateAndSavingItsIdFindsItsReportInsteadOfMakingAnother() throws IOException {
        String reportId = "a9000000-0000-4000-8000-000000000009";
        stubReport(reportId, "2025-09-01", "2025-09-30", true);
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT)))
                .willReturn(Upstream.json(200, "{\"items\":[\"" + reportId + "\"]}")));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + reportId)).willReturn(Upstream.json(200, report(reportId, "2025-09-01", "2025-09-30"))));
        // what a process killed right after its create left behind: stage creating, the tenant's reports listed before it
        RunRow crashed = new RunRow();
        Instant now = clock.instant();
        crashed.id = java.util.UUID.randomUUID().toString();
        crashed.tenantId = TENANT;
        crashed.periodStart = LocalDate.parse("2025-09-01");
        crashed.periodEnd = LocalDate.parse("2025-09-30");
        crashed.level = "all_customers";
        crashed.status = "creating";
        crashed.liveKey = TENANT + "|2025-09-01|2025-09-30|all_customers";
        crashed.createdBy = "test-admin";
        crashed.createdAt = now;
        crashed.updatedAt = now;
        crashed.stageStartedAt = now;
        crashed.deadlineAt = now.plus(Duration.ofHours(1));
        crashed.reportsBefore = "[]";
        assertTrue(runStore.insertOrFindLive(crashed).created());

        JsonPath run = awaitStatus(crashed.id, "done");
        assertEquals(reportId, run.getString("report.id"));
        wireMock.verify(0, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
        assertEquals(11, run.getLong("progress.rows_parsed"));
    }

    @Test
    void theEventsStreamShowsEachStageInOrderAndEndsWithTheLast() throws IOException {
        String reportId = "a4000000-0000-4000-8000-000000000004";
        stubReport(reportId, "2024-12-01", "2024-12-31", true);
        String runId = start("2024-12");

        String stream = given().accept("text/event-stream").when().get("/billing/runs/" + runId + "/events")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/event-stream")).extract().asString();
        List<String> statuses = new ArrayList<>();
        stream.lines().filter(line -> line.startsWith("data:")).map(line -> new JsonPath(line.substring(5)).getString("status"))
                .forEach(status -> {
                    if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
                        statuses.add(status);
                    }
                });
        List<String> order = List.of("queued", "creating", "generating", "downloading", "parsing", "done");
        assertEquals("done", statuses.get(statuses.size() - 1), stream);
        List<Integer> positions = statuses.stream().map(order::indexOf).toList();
        assertTrue(positions.stream().allMatch(position -> position >= 0), statuses.toString());
        assertEquals(positions.stream().sorted().toList(), positions, "stages in order: " + statuses);
    }

    @Test
    void everyBadFieldIsListedAtOnceAndNothingIsCreated() {
        given().contentType("application/json")
                .body("{\"month\":\"2025-13\",\"level\":\"galaxy\",\"keep_report\":\"yes\",\"tenant_id\":\"nope\",\"color\":1}")
                .when().post("/billing/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("month", "level", "keep_report", "tenant_id", "color"));
        String thisMonth = java.time.YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC)).toString();
        given().contentType("application/json").body("{\"month\":\"" + thisMonth + "\",\"tenant_id\":\"" + TENANT + "\"}")
                .when().post("/billing/runs")
                .then().statusCode(400).body("errors[0].field", is("month"));
        given().contentType("application/json")
                .body("{\"month\":\"2025-01\",\"period\":{\"start\":\"2025-01-01\",\"end\":\"2025-01-31\"}}")
                .when().post("/billing/runs").then().statusCode(400).body("errors[0].field", is("month"));
        given().contentType("application/json").body("{\"period\":{\"start\":\"2025-01-31\",\"end\":\"2025-01-01\"}}")
                .when().post("/billing/runs").then().statusCode(400).body("errors.field", hasItems("period.end"));
        wireMock.verify(0, postRequestedFor(urlEqualTo(Upstream.REPORTS_PATH)));
    }

    @Test
    void aReaderSeesRunsButCannotStartOrDeleteThem() throws IOException {
        String reportId = "a0000000-0000-4000-8000-00000000000a";
        stubReport(reportId, "2024-11-01", "2024-11-30", false);
        String runId = start("2024-11");

        TestKeys.useByDefault(TestKeys.READER);
        given().contentType("application/json").body("{\"month\":\"2024-10\",\"tenant_id\":\"" + TENANT + "\"}")
                .when().post("/billing/runs").then().statusCode(403);
        given().when().delete("/billing/runs/" + runId).then().statusCode(403);
        given().when().get("/billing/runs/" + runId).then().statusCode(200);
        given().queryParam("tenant_id", TENANT).queryParam("month", "2024-11")
                .when().get("/billing/runs").then().statusCode(200).body("items.id", hasItems(runId));
        // a key scoped to another tenant does not see it at all
        TestKeys.useByDefault(TestKeys.SCOPED_READER);
        given().when().get("/billing/runs/" + runId).then().statusCode(404);
        given().queryParam("tenant_id", TENANT).when().get("/billing/runs").then().statusCode(200).body("items", hasSize(0));
        TestKeys.useByDefault(TestKeys.ADMIN);
        given().when().delete("/billing/runs/" + runId).then().statusCode(202);
        awaitStatus(runId, "cancelled");
    }

    private String start(String month) {
        return given().contentType("application/json").body("{\"month\":\"" + month + "\",\"tenant_id\":\"" + TENANT + "\"}")
                .when().post("/billing/runs").then().statusCode(202).extract().path("id");
    }

    private static void awaitPolls(String runId, int polls) {
        await(runId, run -> run.getInt("progress.polls") >= polls);
    }

    private static void awaitReportDeleted(String runId) {
        await(runId, run -> run.getBoolean("report.deleted"));
    }

    public static JsonPath awaitStatus(String runId, String status) {
        return await(runId, run -> status.equals(run.getString("status")));
    }

    /** Asks for the run until {@code condition} holds; fails after a minute (CI machines are slow, never this slow). */
    static JsonPath await(String runId, Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonPath run;
        do {
            run = given().when().get("/billing/runs/" + runId).then().statusCode(200).extract().jsonPath().using(DECIMALS);
            if (condition.test(run)) {
                return run;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run " + runId + " never got there: " + run.prettify());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /**
     * The platform: no report of the tenant before the create, the create answers {@code reportId}; its stored list says
     * {@code in_progress} once, then {@code saved} (or stays in progress); the download is the gzip fixture; delete answers 204.
     */
    void stubReport(String reportId, String start, String end, boolean becomesReady) throws IOException {
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).willReturn(Upstream.json(200, "{\"items\":[]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(200, report(reportId, start, end))));
        String storedPath = "/api/2/reports/" + reportId + "/stored";
        wireMock.stubFor(get(urlEqualTo(storedPath)).inScenario(reportId).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Upstream.json(200, stored("in_progress"))).willSetStateTo(becomesReady ? "saved" : Scenario.STARTED));
        wireMock.stubFor(get(urlEqualTo(storedPath)).inScenario(reportId).whenScenarioStateIs("saved")
                .willReturn(Upstream.json(200, stored("saved"))));
        wireMock.stubFor(get(urlEqualTo(storedPath + "/" + STORED_ID))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(gzip(fixture()))));
        wireMock.stubFor(delete(urlPathEqualTo("/api/2/reports/" + reportId)).willReturn(aResponse().withStatus(204)));
    }

    static String report(String reportId, String start, String end) {
        return """
                {"id":"%s","version":3,"result_action":"save","recipients":[],
                 "parameters":{"kind":"usage_summary","tenant_id":"%s","level":"all_customers",
                   "period":{"start":"%s","end":"%s"},"formats":["csv_v2_0"],"hide_zero_usage":false,"show_skus":true},
                 "schedule":{"type":"once","enabled":true}}
                """.formatted(reportId, TENANT, start, end);
    }

    static String stored(String status) {
        return "{\"items\":[{\"id\":\"" + STORED_ID + "\",\"report_format\":\"csv_v2_0\",\"created_at\":\"2025-02-01T00:00:00Z\","
                + "\"status\":\"" + status + "\"}]}";
    }

    static byte[] fixture() throws IOException {
        try (InputStream in = Objects.requireNonNull(BillingRunTest.class.getClassLoader().getResourceAsStream("usage/report.csv_v2_0.csv"))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }
}
