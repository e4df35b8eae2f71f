package dev.reportgateway.web;

/** A request body over {@code gateway.max-body-size}. */
class PayloadTooLargeException extends RuntimeException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body over " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
