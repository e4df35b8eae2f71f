package dev.reportgateway.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.reportgateway.usage.UsageWarning;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A billing run as the API shows it: what it bills, where it is, its upstream report, its progress and its failure. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record BillingRun(
        String id,
        String status,
        String tenantId,
        Period period,
        String level,
        boolean keepReport,
        Instant createdAt,
        Instant updatedAt,
        Instant stageStartedAt,
        Instant finishedAt,
        Instant deadlineAt,
        boolean cancelRequested,
        UpstreamReport report,
        Progress progress,
        List<UsageWarning> warnings,
        Failure failure) {

    /** The billed days, both included. */
    @RegisterForReflection
    public record Period(LocalDate start, LocalDate end) {
    }

    /** The platform report the run made; {@code deleted} once the run has deleted it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record UpstreamReport(String id, Long version, String storedReportId, String format, boolean deleted) {
    }

    /** Looks at the stored report list so far, the next one, bytes downloaded and usage rows stored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Progress(int polls, Instant nextPollAt, int attempts, long bytesDownloaded, long rowsParsed) {
    }

    /** Why a run failed: the stage it was in, the problem (as an API answer would give it), and whether a new run may succeed. */
    @RegisterForReflection
    public record Failure(String stage, boolean retryable, JsonNode problem) {
    }
}
