package dev.reportgateway.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.reportgateway.acronis.SandboxConfig;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportPut;
import dev.reportgateway.acronis.model.ReportSchedule;
import dev.reportgateway.acronis.model.StoredReport;

/**
 * The in-memory report store: creates reports with the platform's defaults, finds, updates and deletes them,
 * and keeps their stored reports. A {@code save} report gets one stored report per format when created; each
 * is {@code in_progress} until {@code acronis.sandbox.stored-report-delay} after its creation, then
 * {@code saved} (judged on every read, no timers), its file generated once and cached.
 */
@ApplicationScoped
public class SandboxReports {

    private static final List<String> DEFAULT_FORMATS = List.of("csv_v2_0");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Map<String, Entry> reports = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;
    private final Duration storedReportDelay;
    private final SandboxUsage usage;
    private final SandboxConfig.CsvColumns csvColumns;

    @Inject
    SandboxReports(SandboxConfig config, SandboxUsage usage) {
        this(Clock.systemUTC(), config.storedReportDelay(), usage, config.csvColumns());
    }

    SandboxReports(Clock clock, Duration storedReportDelay, SandboxUsage usage, SandboxConfig.CsvColumns csvColumns) {
        this.clock = clock;
        this.storedReportDelay = storedReportDelay;
        this.usage = usage;
        this.csvColumns = csvColumns;
    }

    /** Stores a validated body as version 1 of a new report, with its stored reports when it is saved. */
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
        List<Stored> stored = "save".equals(report.resultAction())
                ? parameters.formats().stream().distinct().map(format -> new Stored(format, report)).toList()
                : List.of();
        reports.put(report.id(), new Entry(report, sequence.incrementAndGet(), stored));
        return report;
    }

    Optional<Report> find(String reportId) {
        return Optional.ofNullable(reports.get(reportId)).map(Entry::report);
    }

    /** Ids of the reports made for {@code tenantId}, oldest first. */
    List<String> idsForTenant(String tenantId) {
        return reports.values().stream()
                .filter(entry -> tenantId.equals(entry.report().parameters().tenantId()))
                .sorted(Comparator.comparingLong(Entry::sequence))
                .map(entry -> entry.report().id())
                .toList();
    }

    /**
     * Applies a validated update and increments the version.
     *
     * @throws SandboxError 404 for an unknown report, 400 for a report that is not scheduled ({@code monthly})
     */
    Report update(String reportId, ReportPut put) {
        Entry updated = reports.computeIfPresent(reportId, (id, entry) -> {
            Report current = entry.report();
            if (!"monthly".equals(current.schedule().type())) {
                throw SandboxError.badRequest("Only scheduled reports can be updated.");
            }
            ReportParameters p = current.parameters();
            ReportParameters change = put.parameters();
            ReportParameters parameters = change == null ? p : new ReportParameters(p.tenantId(),
                    change.level() != null ? change.level() : p.level(),
                    change.kind() != null ? change.kind() : p.kind(),
                    p.formats(), p.period(),
                    change.hideZeroUsage() != null ? change.hideZeroUsage() : p.hideZeroUsage(),
                    change.showSkus() != null ? change.showSkus() : p.showSkus());
            ReportSchedule schedule = put.schedule() == null ? current.schedule()
                    : new ReportSchedule(current.schedule().type(), put.schedule().enabled());
            Report report = new Report(id, current.version() + 1, current.resultAction(),
                    put.recipients() != null ? put.recipients() : current.recipients(), parameters, schedule,
                    current.generationDate());
            return new Entry(report, entry.sequence(), entry.stored());
        });
        if (updated == null) {
            throw SandboxError.notFound("Report not found");
        }
        return updated.report();
    }

    /**
     * Removes the report if {@code version} is its current version.
     *
     * @throws SandboxError 404 for an unknown report, 409 (code 1001) for another version
     */
    void delete(String reportId, long version) {
        while (true) {
            Entry current = reports.get(reportId);
            if (current == null) {
                throw SandboxError.notFound("Report not found");
            }
            if (current.report().version() != version) {
                throw SandboxError.versionMismatch();
            }
            if (reports.remove(reportId, current)) {
                return;
            }
        }
    }

    /**
     * The report's stored reports as the platform lists them ({@code size} once saved).
     *
     * @throws SandboxError 404 for an unknown report
     */
    List<StoredReport> stored(String reportId) {
        return entry(reportId).stored().stream().map(Stored::describe).toList();
    }

    /**
     * The gzip-compressed file of a saved stored report.
     *
     * @throws SandboxError 404 for an unknown report or stored report, 409 while it is in progress
     */
    byte[] download(String reportId, String storedId) {
        Stored stored = entry(reportId).stored().stream().filter(s -> s.id.equals(storedId)).findFirst()
                .orElseThrow(() -> SandboxError.notFound("Stored report not found"));
        if (!stored.saved()) {
            throw SandboxError.notReady();
        }
        return stored.file();
    }

    private Entry entry(String reportId) {
        Entry entry = reports.get(reportId);
        if (entry == null) {
            throw SandboxError.notFound("Report not found");
        }
        return entry;
    }

    /** A report, its creation order and its stored reports (a fixed list, created with the report). */
    private record Entry(Report report, long sequence, List<Stored> stored) {
    }

    /** One stored report: its format and the report parameters as they were when it was created. */
    private final class Stored {

        private final String id = UUID.randomUUID().toString();
        private final Instant createdAt = clock.instant();
        private final String format;
        private final SandboxReportFiles.Header header;
        private final String level;
        private final boolean hideZeroUsage;
        private volatile byte[] file;

        Stored(String format, Report report) {
            this.format = format;
            ReportParameters p = report.parameters();
            LocalDate today = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
            LocalDate start = p.period() != null ? LocalDate.parse(p.period().start()) : today.minusDays(1);
            LocalDate end = p.period() != null ? LocalDate.parse(p.period().end()) : today.minusDays(1);
            LocalDate generated = report.generationDate() != null ? LocalDate.parse(report.generationDate()) : today;
            this.level = p.level();
            this.hideZeroUsage = Boolean.TRUE.equals(p.hideZeroUsage());
            this.header = new SandboxReportFiles.Header(usage.tenants().get(0).name(), p.kind(), level, start, end,
                    generated, Boolean.TRUE.equals(p.showSkus()), csvColumns == SandboxConfig.CsvColumns.VENDOR);
        }

        boolean saved() {
            return !clock.instant().isBefore(createdAt.plus(storedReportDelay));
        }

        byte[] file() {
            byte[] bytes = file;
            if (bytes == null) {
                synchronized (this) {
                    if (file == null) {
                        file = SandboxReportFiles.gzip(format, header,
                                usage.rows(level, header.start(), header.end(), hideZeroUsage));
                    }
                    bytes = file;
                }
            }
            return bytes;
        }

        StoredReport describe() {
            boolean saved = saved();
            return new StoredReport(id, format, saved ? (long) file().length : null,
                    createdAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(RFC_3339),
                    saved ? "saved" : "in_progress");
        }
    }
}
