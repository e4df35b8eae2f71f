package dev.reportgateway.billing;

/** A finished run cannot be deleted yet: its upstream report is being deleted (then the run can go). */
public class RunFinishingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFinishingException() {
        super("The run's report on the platform is being deleted; delete the run again in a few seconds.", null, false, false);
    }
}
