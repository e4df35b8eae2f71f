package dev.reportgateway.billing;

/**
 * A stage of a run cannot go on for a reason of the run's own (not an upstream call's failure): it names the
 * problem ({@code slug}, title, the HTTP status an API answer would have) and whether a new run may succeed.
 */
public class RunStageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String slug;
    private final String title;
    private final int status;
    private final boolean retryable;

    RunStageException(String slug, String title, int status, String detail, boolean retryable) {
        super(detail, null, false, false);
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.retryable = retryable;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
