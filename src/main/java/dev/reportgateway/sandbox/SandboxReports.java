package dev.reportgateway.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportSchedule;

/** The in-memory report store: creates reports with the platform's defaults, finds and deletes them by version. */
@ApplicationScoped
public class SandboxReports {

    private static final List<String> DEFAULT_FORMATS = List.of("csv_v2_0");

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    SandboxReports() {
        this(Clock.systemUTC());
    }

    SandboxReports(Clock clock) {
        this.clock = clock;
    }

    /** Stores a validated body as version 1 of a new report. */
    Report create(ReportPost post) {
        ReportParameters given = post.parameters();
        ReportParameters parameters = new ReportParameters(given.tenantId(), given.level(), given.kind(),
                given.formats() != null ? given.formats() : DEFAULT_FORMATS,
                given.period(), given.hideZeroUsage(), given.showSkus());
        ReportSchedule schedule = new ReportSchedule(post.schedule().type(),
                post.schedule().enabled() != null ? post.schedule().enabled() : Boolean.TRUE);
        String generationDate = post.generationDate() == null && "once".equals(schedule.type())
                ? LocalDate.now(clock).toString()
                : post.generationDate();
        Report report = new Report(UUID.randomUUID().toString(), 1L, post.resultAction(),
                post.recipients() != null ? post.recipients() : List.of(), parameters, schedule, generationDate);
        reports.put(report.id(), report);
        return report;
    }

    Optional<Report> find(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    /**
     * Removes the report if {@code version} is its current version.
     *
     * @throws SandboxError 404 for an unknown report, 409 (code 1001) for another version
     */
    void delete(String reportId, long version) {
        while (true) {
            Report current = reports.get(reportId);
            if (current == null) {
                throw SandboxError.notFound("Report not found");
            }
            if (current.version() != version) {
                throw SandboxError.versionMismatch();
            }
            if (reports.remove(reportId, current)) {
                return;
            }
        }
    }
}
