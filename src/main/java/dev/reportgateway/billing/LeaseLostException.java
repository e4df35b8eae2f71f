package dev.reportgateway.billing;

/** Another replica holds the run now (this one's lease ran out): stop working on it, without saving anything. */
class LeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LeaseLostException() {
        super(null, null, false, false);
    }
}
