package dev.reportgateway.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code billing_run}, as read: a plain holder whose fields a stage changes before
 * {@link RunStore#save} writes them back. Texts hold JSON where the column does ({@code reportsBefore},
 * {@code warnings}, {@code problem}).
 */
public final class RunRow {
    public String id;
    public String tenantId;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    public String level;
    public boolean keepReport;
    public String status;
    /** tenant|start|end|level while live (queued, running, done); null once failed or cancelled. */
    public String liveKey;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant stageStartedAt;
    public Instant finishedAt;
    public Instant deadlineAt;
    public String reportsBefore;
    public String reportId;
    public Long reportVersion;
    public boolean reportDeleted;
    public String storedReportId;
    public String reportFormat;
    public int polls;
    public int attempts;
    public Instant nextAttemptAt;
    public long bytesDownloaded;
    public long rowsParsed;
    public String warnings;
    public boolean cancelRequested;
    public String failedStage;
    public Boolean retryable;
    public String problem;
    public String leaseOwner;
    public Instant leaseUntil;
}
