package dev.reportgateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.SandboxConfig;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPeriod;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportSchedule;
import dev.reportgateway.acronis.model.StoredReport;

/** The store's stored reports with a clock the test moves and a 2 s delay. */
class SandboxReportsTest {

    private static final String ROOT = "ede9f834-70b3-476c-83d9-736f9f8c7dae";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T14:07:53.250Z"));
    private final SandboxReports reports = new SandboxReports(clock, Duration.ofSeconds(2), new SandboxUsage(ROOT),
            SandboxConfig.CsvColumns.FULL);

    @Test
    void storedReportIsInProgressUntilTheDelayHasPassed() {
        Report report = reports.create(post("save", List.of("csv_v2_0", "json_v1")));

        List<StoredReport> stored = reports.stored(report.id());
        assertEquals(2, stored.size());
        assertEquals(List.of("csv_v2_0", "json_v1"), stored.stream().map(StoredReport::reportFormat).toList());
        StoredReport first = stored.get(0);
        assertEquals("in_progress", first.status());
        assertNull(first.size());
        assertEquals("2026-11-27T14:07:53+00:00", first.createdAt());
        SandboxError notReady = assertThrows(SandboxError.class, () -> reports.download(report.id(), first.id()));
        assertEquals(409, notReady.toResponse().getStatus());
        assertEquals("Stored report is not ready", notReady.getMessage());

        clock.now = clock.now.plusMillis(1999);
        assertEquals("in_progress", reports.stored(report.id()).get(0).status());
        clock.now = clock.now.plusMillis(1);
        StoredReport saved = reports.stored(report.id()).get(0);
        assertEquals("saved", saved.status());
        byte[] file = reports.download(report.id(), first.id());
        assertEquals(file.length, saved.size());
        assertArrayEquals(file, reports.download(report.id(), first.id()));
    }

    @Test
    void unknownIdsAreNotFoundAndSendReportsStoreNothing() {
        Report send = reports.create(post("send", List.of("csv")));
        assertEquals(List.of(), reports.stored(send.id()));
        assertEquals(404, assertThrows(SandboxError.class, () -> reports.stored("nope")).toResponse().getStatus());
        assertEquals(404, assertThrows(SandboxError.class, () -> reports.download(send.id(), "nope"))
                .toResponse().getStatus());
    }

    @Test
    void omittedFormatsStoreOneCsvV2() {
        Report report = reports.create(post("save", null));
        assertEquals(List.of("csv_v2_0"), reports.stored(report.id()).stream().map(StoredReport::reportFormat).toList());
        assertTrue(reports.idsForTenant(ROOT).contains(report.id()));
    }

    private static ReportPost post(String action, List<String> formats) {
        return new ReportPost(action.equals("send") ? List.of("ca451758-b48a-45d9-9ae6-8f1059f67619") : null, action,
                new ReportParameters(ROOT, "accounts", "usage_summary", formats,
                        new ReportPeriod("2026-10-01", "2026-10-31"), null, null),
                new ReportSchedule("once", null), null);
    }
}
