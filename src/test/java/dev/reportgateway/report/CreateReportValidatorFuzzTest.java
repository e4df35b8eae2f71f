package dev.reportgateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Fuzz: all {@link HostileCreateBodies} straight into {@link CreateReportValidator}, without HTTP. A body the
 * gateway reads as JSON (at most 64 KiB, strict as {@code web.JsonBodies} reads it) must be refused with field
 * errors, never accepted and never failing otherwise; the rest is refused before validation (413 or malformed
 * JSON), which {@code web.HostileCreateBodiesTest} checks over HTTP on a sample.
 */
class CreateReportValidatorFuzzTest {

    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectReader STRICT = new ObjectMapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final CreateReportValidator validator = new CreateReportValidator(
            Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void everyHostileBodyIsRefusedWithFieldErrors() {
        List<String> bodies = HostileCreateBodies.all();
        List<String> failures = new ArrayList<>();
        int validated = 0;
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode tree = readAsTheGatewayDoes(bodies.get(i));
            if (tree == null) {
                continue;
            }
            validated++;
            String failure = refusal(tree);
            if (failure != null) {
                String json = tree.toString();
                failures.add("#" + i + ": " + failure + "\n   body: " + json.substring(0, Math.min(300, json.length())));
            }
        }
        assertEquals(HostileCreateBodies.COUNT, bodies.size());
        assertTrue(validated >= HostileCreateBodies.COUNT / 2, "only " + validated + " bodies reached the validator");
        assertTrue(failures.isEmpty(), failures.size() + " of " + validated + " bodies were not refused cleanly:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }

    /** {@code null} when the validator refused the body with field errors, else what it did instead. */
    private String refusal(JsonNode tree) {
        try {
            return "accepted as " + validator.validate(tree);
        } catch (InvalidRequestException refused) {
            // a field's path may be "" (an unknown field named ""), but never missing, and every error says what is wrong
            boolean explained = !refused.errors().isEmpty() && refused.errors().stream()
                    .allMatch(error -> error.field() != null && error.message() != null && !error.message().isBlank());
            return explained ? null : "refused without field errors: " + refused.errors();
        } catch (RuntimeException failed) {
            return "failed with " + failed;
        }
    }

    /** The body as the gateway reads it, or {@code null} when it is refused before validation. */
    private static JsonNode readAsTheGatewayDoes(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY) {
            return null;
        }
        try {
            JsonNode tree = STRICT.readTree(bytes);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException malformed) {
            return null;
        }
    }
}
