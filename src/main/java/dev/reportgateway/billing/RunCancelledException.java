package dev.reportgateway.billing;

/** The run was asked to stop while a long stage was under way: it is cancelled at once. */
class RunCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunCancelledException() {
        super(null, null, false, false);
    }
}
