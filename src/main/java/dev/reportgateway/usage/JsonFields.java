package dev.reportgateway.usage;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Reads one JSON object into its scalar fields keyed by dotted path, keeping numbers' text as written. */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * The object the parser is at ({@code START_OBJECT}); arrays inside it are skipped, null becomes {@code ""}.
     * Its fields and the size of the {@code record} it belongs to are checked as they are read.
     */
    static Map<String, String> read(JsonParser parser, JsonRecord record) throws IOException {
        Map<String, String> fields = new HashMap<>();
        readInto(parser, "", fields, record);
        return fields;
    }

    /** The scalar's text as written, {@code ""} for null; the parser must be at a scalar token. */
    static String scalar(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? "" : parser.getText();
    }

    private static void readInto(JsonParser parser, String prefix, Map<String, String> fields, JsonRecord record)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readInto(parser, name + ".", fields, record);
            } else if (value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else {
                fields.put(name, scalar(parser));
            }
            record.field(fields.size());
        }
    }
}
