package dev.reportgateway.billing;

import java.time.Duration;

/** The run did not finish within {@code gateway.billing.deadline} of its creation. */
class RunDeadlineException extends RunStageException {

    private static final long serialVersionUID = 1L;

    RunDeadlineException(Duration deadline) {
        super("billing-run-deadline", "Billing run past its deadline", 504, "The run did not finish within " + deadline
                + " (gateway.billing.deadline); the platform may still be generating the report. Start a new run later.", true);
    }
}
