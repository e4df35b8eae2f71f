package dev.reportgateway.billing;

/** No billing run has this id (or the caller's key may not see it). */
public class RunNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunNotFoundException() {
        super("No such billing run for this API key.", null, false, false);
    }
}
