package dev.reportgateway.spool;

/** A download larger than {@code gateway.spool.max-size}; nothing of it is kept. */
public class SpoolLimitException extends RuntimeException {

    public SpoolLimitException(long maxBytes) {
        super("The stored report is larger than " + maxBytes + " bytes (gateway.spool.max-size).");
    }
}
