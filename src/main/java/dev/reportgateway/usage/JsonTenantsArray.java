package dev.reportgateway.usage;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Walks the top-level {@code tenants} array of a JSON report element by element, skipping every other field, within
 * the {@link UsageLimits}.
 */
final class JsonTenantsArray {

    /** Handles one element of {@code tenants}; the parser is at its {@code START_OBJECT}. */
    @FunctionalInterface
    interface ElementHandler {
        void element(JsonParser parser, int index, JsonRecord record) throws IOException;
    }

    private JsonTenantsArray() {
    }

    /** Calls {@code handler} for each element of {@code tenants}; returns how many there were. */
    static int forEach(InputStream in, String format, UsageLimits limits, ElementHandler handler) throws IOException {
        int index = 0;
        boolean found = false;
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits.readConstraints()).build();
        try (JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UsageFormatException(format + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = parser.nextToken();
                if (!"tenants".equals(parser.currentName())) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new UsageFormatException(format + ": tenants is not an array");
                }
                found = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw new UsageFormatException(format + " row " + index + ": not an object");
                    }
                    handler.element(parser, index, new JsonRecord(parser, limits, format + " tenants[" + index + "]"));
                    index++;
                }
            }
        } catch (StreamConstraintsException e) {
            throw limits.cellTooLong(format + " near row " + index);
        } catch (JsonProcessingException e) {
            throw new UsageFormatException(format + " is not valid JSON near row " + index + ": "
                    + e.getOriginalMessage(), e);
        }
        if (!found) {
            throw new UsageFormatException(format + " has no tenants array");
        }
        return index;
    }
}
