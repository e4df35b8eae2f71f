package dev.reportgateway.report;

/** A stored report that cannot be downloaded now: unknown, still being generated, or failed on the platform. */
public class StoredReportUnavailableException extends RuntimeException {

    /** Why the file cannot be had. */
    public enum Kind {
        /** The report has no stored report with that id. */
        NOT_FOUND,
        /** The platform is still generating it (status {@code in_progress}). */
        IN_PROGRESS,
        /** The platform failed to generate it (status {@code failed}). */
        FAILED
    }

    private final Kind kind;

    public StoredReportUnavailableException(Kind kind) {
        super(switch (kind) {
            case NOT_FOUND -> "The report has no stored report with this id.";
            case IN_PROGRESS -> "The stored report is still being generated (status in_progress); poll its status and retry.";
            case FAILED -> "The platform failed to generate this stored report (status failed); create the report again.";
        }, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
