package dev.reportgateway.billing;

import java.util.Locale;

/**
 * Where a billing run is: {@code queued → creating → generating → downloading → parsing → done}, or {@code failed}
 * or {@code cancelled}. Each is persisted before the work of the next starts.
 */
public enum RunStatus {
    QUEUED, CREATING, GENERATING, DOWNLOADING, PARSING, DONE, FAILED, CANCELLED;

    /** The name in the API and the database. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a worker still has something to do. */
    public boolean active() {
        return this != DONE && this != FAILED && this != CANCELLED;
    }

    public static RunStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
