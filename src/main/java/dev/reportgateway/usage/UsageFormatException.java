package dev.reportgateway.usage;

/** A stored report that does not follow its format: names where (CSV line or JSON row) and which field. */
public class UsageFormatException extends RuntimeException {

    public UsageFormatException(String message) {
        super(message);
    }

    public UsageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
