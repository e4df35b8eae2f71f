package dev.reportgateway.usage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;

/** One element of a JSON report's {@code tenants} being read: bounds its size and each object's fields. */
final class JsonRecord {

    private final JsonParser parser;
    private final UsageLimits limits;
    private final String where;
    private final long start;

    JsonRecord(JsonParser parser, UsageLimits limits, String where) {
        this.parser = parser;
        this.limits = limits;
        this.where = where;
        this.start = offset();
    }

    /** Called after each field of one object: {@code fields} so far in it. */
    void field(int fields) {
        if (fields > limits.maxColumns()) {
            throw limits.tooManyColumns(where);
        }
        if (offset() - start > limits.maxRecordChars()) {
            throw limits.recordTooLong(where);
        }
    }

    private long offset() {
        JsonLocation location = parser.currentLocation();
        return Math.max(location.getByteOffset(), location.getCharOffset());
    }
}
