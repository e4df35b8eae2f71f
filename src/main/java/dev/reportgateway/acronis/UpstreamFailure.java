package dev.reportgateway.acronis;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Every way an upstream call can fail, decided once in {@link #of(Throwable)}: the retry policies, the circuit
 * breaker, the metrics' outcome tag, the idempotency store and the problem answers all read this, never the
 * exception on their own.
 */
public enum UpstreamFailure {
    /** The platform refused the request itself (4xx other than 401, 403, 429): the caller's business. */
    REFUSED,
    /** 401 or 403: the platform rejected the gateway's own credentials. */
    CREDENTIALS_REJECTED,
    /** 429 or 503: the platform turned the request away without acting on it. */
    BUSY,
    /** 502 or 504: something between the gateway and the platform failed; the platform may have acted. */
    GATEWAY_FAILED,
    /** Any other 5xx: the platform failed, maybe after acting. */
    PLATFORM_FAILED,
    /** No answer within the read timeout; the request may have been acted on. */
    TIMEOUT,
    /** No connection could be opened: the request never left. */
    UNREACHABLE,
    /** The connection broke after the request was sent. */
    CONNECTION_LOST,
    /** A 2xx answer that is not what the operation promises: the platform acted. */
    UNREADABLE,
    /** The gateway's circuit breaker is open: nothing was sent. */
    CIRCUIT_OPEN,
    /** The gateway's limit of concurrent upstream calls is reached: nothing was sent. */
    BULKHEAD_FULL,
    /** Not an upstream failure at all (a bug, a validation error). */
    OTHER;

    /** Classifies a failure of an upstream call. */
    public static UpstreamFailure of(Throwable failure) {
        if (failure instanceof AcronisApiException rejected) {
            int status = rejected.status();
            if (status == 401 || status == 403) {
                return CREDENTIALS_REJECTED;
            }
            if (status == 429 || status == 503) {
                return BUSY;
            }
            if (status == 502 || status == 504) {
                return GATEWAY_FAILED;
            }
            return status >= 500 ? PLATFORM_FAILED : REFUSED;
        }
        if (failure instanceof AcronisUnavailableException unavailable) {
            return switch (unavailable.reason()) {
                case TIMEOUT -> TIMEOUT;
                case UNREACHABLE -> UNREACHABLE;
                case CONNECTION_LOST -> CONNECTION_LOST;
                case UNREADABLE -> UNREADABLE;
            };
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return CIRCUIT_OPEN;
        }
        if (failure instanceof BulkheadException) {
            return BULKHEAD_FULL;
        }
        return OTHER;
    }

    /** Counts against the platform's health (opens the circuit): its own failures, not the caller's mistakes. */
    public boolean isPlatformFailure() {
        return switch (this) {
            case BUSY, GATEWAY_FAILED, PLATFORM_FAILED, TIMEOUT, UNREACHABLE, CONNECTION_LOST, UNREADABLE -> true;
            default -> false;
        };
    }

    /** A GET, PUT or DELETE is repeated after this: each of them has the same effect when repeated. */
    public boolean retriesRead() {
        return this == BUSY || this == GATEWAY_FAILED || this == UNREACHABLE || this == CONNECTION_LOST;
    }

    /** A create is repeated only after this: the platform cannot have made the report. */
    public boolean retriesCreate() {
        return this == BUSY || this == UNREACHABLE;
    }

    /** The request may have been acted on although the gateway got no success answer. */
    public boolean mayHaveActed() {
        return this == GATEWAY_FAILED || this == PLATFORM_FAILED || this == TIMEOUT || this == CONNECTION_LOST
                || this == UNREADABLE;
    }

    /**
     * The {@code outcome} tag of {@code gateway.upstream.calls}: {@code client_error} (refused, passed on to the
     * caller), {@code platform_error} (5xx, 429, rejected credentials), {@code timeout}, or {@code unavailable}
     * (anything else: no usable answer, an open circuit, a full bulkhead).
     */
    public String outcomeTag() {
        return switch (this) {
            case REFUSED -> "client_error";
            case CREDENTIALS_REJECTED, BUSY, GATEWAY_FAILED, PLATFORM_FAILED -> "platform_error";
            case TIMEOUT -> "timeout";
            default -> "unavailable";
        };
    }
}
