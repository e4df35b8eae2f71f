package dev.reportgateway.usage;

/** A stored report past one of the {@link UsageLimits}: names where and the setting that bounds it. */
public class UsageLimitException extends UsageFormatException {

    public UsageLimitException(String message) {
        super(message);
    }
}
