package dev.reportgateway.billing;

/** The platform says it failed to generate the run's stored report. */
class StoredReportFailedException extends RunStageException {

    private static final long serialVersionUID = 1L;

    StoredReportFailedException(String reportId, String storedReportId) {
        super("stored-report-failed", "Stored report failed", 502, "The platform failed to generate stored report "
                + storedReportId + " of report " + reportId + ". A new run asks it again.", true);
    }
}
