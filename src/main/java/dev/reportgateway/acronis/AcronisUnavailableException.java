package dev.reportgateway.acronis;

import java.io.IOException;
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
        /** The connection broke before the whole answer arrived (reset, closed). */
        CONNECTION_LOST,
        /** An answer arrived but is not what the operation promises (e.g. malformed JSON). */
        UNREADABLE
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
            if (t instanceof IOException || t.getClass().getSimpleName().contains("Closed")) {
                return new AcronisUnavailableException(Reason.CONNECTION_LOST, failure);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new AcronisUnavailableException(Reason.UNREADABLE, failure);
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case TIMEOUT -> "The Acronis platform did not answer in time.";
            case UNREACHABLE -> "The Acronis platform could not be reached.";
            case CONNECTION_LOST -> "The connection to the Acronis platform broke before its answer arrived.";
            case UNREADABLE -> "The Acronis platform's answer could not be read.";
        };
    }
}
