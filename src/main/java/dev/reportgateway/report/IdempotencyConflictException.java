package dev.reportgateway.report;

/** An {@code Idempotency-Key} that cannot be honoured: reused with another body, or its first request still running. */
public class IdempotencyConflictException extends RuntimeException {

    /** Why the key cannot be used now. */
    public enum Kind {
        /** The key was first used with a different body (422). */
        DIFFERENT_BODY,
        /** The first request with this key has not finished (409). */
        IN_FLIGHT
    }

    private final Kind kind;

    public IdempotencyConflictException(Kind kind) {
        super(kind == Kind.DIFFERENT_BODY
                ? "This Idempotency-Key was already used with a different request body."
                : "A request with this Idempotency-Key is still being processed; retry when it has finished.",
                null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
