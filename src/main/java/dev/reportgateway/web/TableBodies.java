package dev.reportgateway.web;

import java.io.InputStream;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/** A table sent either as CSV ({@code text/csv}) or as JSON: which one, and its bytes or tree. */
@ApplicationScoped
class TableBodies {

    /** A body read: its CSV bytes, or its JSON tree (the other one null). */
    record Table(byte[] csv, JsonNode json) {
    }

    private final JsonBodies bodies;

    TableBodies(JsonBodies bodies) {
        this.bodies = bodies;
    }

    /** The body as {@code contentType} says: CSV for {@code text/csv}, JSON for {@code application/json} (or {@code +json}). */
    Table read(String contentType, InputStream body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("text/csv")) {
            return new Table(bodies.bytes(body), null);
        }
        if (type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json")) {
            return new Table(null, bodies.read(body));
        }
        throw new UnsupportedBodyTypeException("Send the body as CSV with the header Content-Type: text/csv (a header line, then one"
                + " line per row), or as JSON with Content-Type: application/json.");
    }
}
