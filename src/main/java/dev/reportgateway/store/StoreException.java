package dev.reportgateway.store;

import java.sql.SQLException;

/** A database call failed: the gateway answers 503 and a run retries its stage later. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
