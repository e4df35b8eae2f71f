package dev.reportgateway.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** How the endpoints that answer JSON or CSV choose between the two, and how they stream a CSV answer. */
final class UsageMediaTypes {

    /** Writes a CSV answer's text; the writer is closed after it. */
    @FunctionalInterface
    interface CsvBody {
        void write(Writer writer) throws IOException;
    }

    /** The media type of a usage CSV answer. */
    static final String CSV = "text/csv; charset=UTF-8";

    private UsageMediaTypes() {
    }

    /** CSV for {@code Accept: text/csv} without {@code application/json}; JSON otherwise. */
    static boolean csv(String accept) {
        return accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
    }

    /** A 200 answer of {@link #CSV}, written by {@code body} into a UTF-8 writer as it streams out. */
    static Response.ResponseBuilder csvAnswer(CsvBody body) {
        StreamingOutput output = out -> {
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                body.write(writer);
            }
        };
        return Response.ok(output, CSV);
    }
}
