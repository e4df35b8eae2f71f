package dev.reportgateway.acronis;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A platform answer handed on as it arrived: the bytes of one JSON object, checked to be well formed but never
 * decoded into objects and encoded again. A proxied {@code GET} answers with these bytes; what the gateway itself
 * needs to read is decoded by {@link AcronisClient} instead.
 */
public final class PlatformJson {

    private static final JsonFactory TOKENS = new JsonFactory();

    private final byte[] bytes;

    private PlatformJson(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The body, when it is exactly one well-formed JSON object; anything else (empty, an array, malformed, trailing
     * text) is {@link AcronisUnavailableException.Reason#UNREADABLE}, as an answer the typed client cannot decode is.
     */
    static PlatformJson checked(byte[] body) {
        if (body != null) { // null: no body at all
            try (JsonParser parser = TOKENS.createParser(body)) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    if (parser.nextToken() == null) {
                        return new PlatformJson(body);
                    }
                }
            } catch (IOException malformed) {
                throw new AcronisUnavailableException(AcronisUnavailableException.Reason.UNREADABLE, malformed);
            }
        }
        throw new AcronisUnavailableException(AcronisUnavailableException.Reason.UNREADABLE, null);
    }

    /** The answer's bytes (UTF-8 JSON), not copied: callers write them out and do not change them. */
    public byte[] bytes() {
        return bytes;
    }
}
