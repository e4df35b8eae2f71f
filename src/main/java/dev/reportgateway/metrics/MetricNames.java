package dev.reportgateway.metrics;

/**
 * The names, tags and tag values of the gateway's own metrics, in one place (Prometheus shows them with
 * {@code .} as {@code _} and timers and counters suffixed). Every tag value is from a small fixed set: never an
 * id, a tenant, a key or a token.
 */
public final class MetricNames {

    /** Timer of upstream operations as callers see them (retries included), tagged {@link #OPERATION} and {@link #OUTCOME}. */
    public static final String UPSTREAM_CALLS = "gateway.upstream.calls";
    /** Counter of retried upstream attempts, tagged {@link #KIND} ({@code read} or {@code create}). */
    public static final String UPSTREAM_RETRIES = "gateway.upstream.retries";
    /** Gauge of the upstream circuit breaker: 0 closed, 1 half-open, 2 open. */
    public static final String CIRCUIT_STATE = "gateway.upstream.circuit.state";
    /** Counter of platform token requests, tagged {@link #OUTCOME} ({@code success}, {@code rejected}, {@code unavailable}). */
    public static final String TOKEN_REQUESTS = "gateway.token.requests";
    /** Counter of creates answered from the idempotency store instead of the platform. */
    public static final String IDEMPOTENCY_REPLAYS = "gateway.idempotency.replays";
    /** Counter of usage rows parsed from stored reports, tagged {@link #FORMAT}. */
    public static final String USAGE_ROWS = "gateway.usage.rows";
    /** Counter of stored-report bytes downloaded for the usage endpoint, tagged {@link #FORMAT}. */
    public static final String USAGE_BYTES = "gateway.usage.bytes";
    /** Counter of usage rows the gateway could not bill with certainty, tagged {@link #KIND} (the warning type). */
    public static final String USAGE_WARNINGS = "gateway.usage.warnings";

    /** Counter: billing runs that finished, tagged {@code status} (done, failed, cancelled). */
    public static final String BILLING_RUNS = "gateway.billing.runs";
    /** Counter: usage rows billing runs stored. */
    public static final String BILLING_ROWS = "gateway.billing.rows";
    public static final String STATUS = "status";
    public static final String OPERATION = "operation";
    public static final String OUTCOME = "outcome";
    public static final String KIND = "kind";
    public static final String FORMAT = "format";

    private MetricNames() {
    }
}
