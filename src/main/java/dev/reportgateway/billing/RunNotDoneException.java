package dev.reportgateway.billing;

/** A run's usage was asked for before the run is done. */
public class RunNotDoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean active;

    public RunNotDoneException(BillingRun run) {
        super(RunStatus.of(run.status()).active()
                ? "Billing run " + run.id() + " is " + run.status() + ": its usage is there once it is done. Follow it with GET "
                        + "/billing/runs/" + run.id() + " or its events."
                : "Billing run " + run.id() + " is " + run.status() + " and has no usage; start a new run.", null, false, false);
        this.active = RunStatus.of(run.status()).active();
    }

    /** Whether the run may still get there (worth asking again later). */
    public boolean active() {
        return active;
    }
}
