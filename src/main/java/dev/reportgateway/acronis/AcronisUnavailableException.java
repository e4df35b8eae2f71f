package dev.reportgateway.acronis;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * The platform could not be asked or did not answer usably: a timeout, a refused or reset connection, or an
 * answer that is not the JSON the operation promises. Carries no upstream text that could hold a secret.
 */
public class AcronisUnavailableException extends RuntimeException {

    /** What went wrong, as far as the caller needs to know. */
    public enum Reason {
        /** No answer within the configured timeout. */
        TIMEOUT,
        /** No connection could be opened (refused, unknown host, no route). */
        UNREACHABLE,
        /** The connection broke or the answer could not be read. */
        BROKEN_ANSWER
    }

    private final Reason reason;

    public AcronisUnavailableException(Reason reason, Throwable cause) {
        super(describe(reason), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Classifies a failed call by walking its cause chain. */
    public static AcronisUnavailableException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new AcronisUnavailableException(Reason.TIMEOUT, failure);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new AcronisUnavailableException(Reason.UNREACHABLE, failure);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new AcronisUnavailableException(Reason.BROKEN_ANSWER, failure);
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case TIMEOUT -> "The Acronis platform did not answer in time.";
            case UNREACHABLE -> "The Acronis platform could not be reached.";
            case BROKEN_ANSWER -> "The Acronis platform's answer was cut off or could not be read.";
        };
    }
}
