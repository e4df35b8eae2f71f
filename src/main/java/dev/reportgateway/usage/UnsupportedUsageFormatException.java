package dev.reportgateway.usage;

/** A report format the gateway does not parse into usage rows; the message lists the ones it does. */
public class UnsupportedUsageFormatException extends IllegalArgumentException {

    public UnsupportedUsageFormatException(String message) {
        super(message);
    }
}
