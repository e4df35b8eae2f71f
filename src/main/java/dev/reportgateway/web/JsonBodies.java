package dev.reportgateway.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.reportgateway.report.InvalidRequestException;

/**
 * Reads a request body: as a tree of JSON, at most {@code gateway.max-body-size} bytes (else 413), one JSON value,
 * no duplicate keys, no trailing content. Malformed JSON is a field error on {@code body} with its position.
 */
@ApplicationScoped
class JsonBodies {

    private final ObjectReader reader;
    private final int limit;

    JsonBodies(ObjectMapper mapper, GatewayConfig config) {
        this.reader = mapper.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.limit = (int) Math.min(Integer.MAX_VALUE - 1, config.maxBodySize().asLongValue());
    }

    JsonNode read(InputStream body) {
        return parse(bytes(body));
    }

    /** The body's bytes, at most {@code gateway.max-body-size} of them (else 413). */
    byte[] bytes(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(limit + 1);
        } catch (IOException unreadable) {
            throw new InvalidRequestException("body", "could not be read");
        }
        if (bytes.length > limit) {
            throw new PayloadTooLargeException(limit);
        }
        return bytes;
    }

    /** Bytes already read with {@link #bytes} as one JSON value. */
    JsonNode parse(byte[] bytes) {
        JsonNode tree;
        try {
            tree = reader.readTree(bytes);
        } catch (JsonProcessingException malformed) {
            JsonLocation at = malformed.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new InvalidRequestException("body", "is not valid JSON" + where + ": " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InvalidRequestException("body", "could not be read");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidRequestException("body", "is required: a JSON object");
        }
        return tree;
    }
}
