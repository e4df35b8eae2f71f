package dev.reportgateway.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportgateway.upstream.SeedReport;

/**
 * 1,200 generated malformed or hostile create bodies (wrong types, unknown fields, huge strings, deep nesting,
 * look-alike unicode, nulls, broken JSON), ten kinds in turn. The seed is fixed, so every run makes the same
 * bodies and a failure is reproducible.
 */
public final class HostileCreateBodies {

    /** How many bodies {@link #all()} makes. */
    public static final int COUNT = 1200;
    private static final long SEED = 20261127L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random = new Random(SEED);

    private HostileCreateBodies() {
    }

    /** The {@link #COUNT} bodies, always the same ones in the same order. */
    public static List<String> all() {
        return first(COUNT);
    }

    /** The first {@code count} of {@link #all()}. */
    public static List<String> first(int count) {
        HostileCreateBodies generator = new HostileCreateBodies();
        List<String> bodies = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                bodies.add(generator.body(i));
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bodies;
    }

    private String body(int i) throws IOException {
        ObjectNode seed = (ObjectNode) JSON.readTree(SeedReport.body(SeedReport.TENANT));
        return switch (i % 10) {
            case 0 -> unknownField(seed).toString();
            case 1 -> wrongType(seed).toString();
            case 2 -> hugeString(seed);
            case 3 -> deepNesting(seed);
            case 4 -> lookAlike(seed).toString();
            case 5 -> nulled(seed).toString();
            case 6 -> truncated(seed.toString());
            case 7 -> garbage();
            case 8 -> badIdOrDate(seed).toString();
            default -> rawTrick(seed.toString());
        };
    }

    /** An object of the seed (top, parameters, period or schedule) chosen at random. */
    private ObjectNode someObject(ObjectNode seed) {
        return switch (random.nextInt(4)) {
            case 0 -> seed;
            case 1 -> (ObjectNode) seed.get("parameters");
            case 2 -> (ObjectNode) seed.get("parameters").get("period");
            default -> (ObjectNode) seed.get("schedule");
        };
    }

    private JsonNode unknownField(ObjectNode seed) {
        String[] names = { "show_sku", "tenantId", "foreign_ids", "__proto__", "constructor", "$where", "ÿ", "", "kind ", "KIND" };
        someObject(seed).put(names[random.nextInt(names.length)] + (random.nextBoolean() ? "" : random.nextInt(99)), "x");
        return seed;
    }

    private JsonNode wrongType(ObjectNode seed) {
        ObjectNode target = someObject(seed);
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode current = target.get(field);
        JsonNode[] candidates = { NODES.numberNode(random.nextInt()), NODES.numberNode(random.nextDouble()),
                NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.textNode("maybe") };
        JsonNode replacement;
        do {
            replacement = candidates[random.nextInt(candidates.length)];
        } while (replacement.getNodeType() == current.getNodeType()
                || (current.isTextual() && replacement.isTextual())
                || (current.isArray() && replacement.isArray() && field.equals("recipients")));
        target.set(field, replacement);
        return seed;
    }

    private String hugeString(ObjectNode seed) {
        int size = random.nextBoolean() ? 70 * 1024 + random.nextInt(1024) : 1000 + random.nextInt(30_000);
        String big = "A".repeat(size);
        ((ObjectNode) seed.get("parameters")).put(random.nextBoolean() ? "kind" : "level", big);
        return seed.toString();
    }

    private String deepNesting(ObjectNode seed) {
        int depth = 200 + random.nextInt(2000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        return seed.toString().replaceFirst("\"recipients\":\\[", "\"recipients\":[" + nested + ",");
    }

    private JsonNode lookAlike(ObjectNode seed) {
        String[] values = { "usage_summаry", "usage_summary\u0000", "\u202Eusage_summary", "usage_summary ", "USAGE_SUMMARY",
                "usage\u00A0summary", "💥", "usage_summary\n", "ｕｓａｇｅ_summary", "" };
        ((ObjectNode) seed.get("parameters")).put("kind", values[random.nextInt(values.length)]);
        return seed;
    }

    private JsonNode nulled(ObjectNode seed) {
        ObjectNode target = someObject(seed);
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        target.putNull(fields.get(random.nextInt(fields.size())));
        return seed;
    }

    private String truncated(String json) {
        return json.substring(0, 1 + random.nextInt(json.length() - 2));
    }

    private String garbage() {
        String[] bodies = { "null", "true", "42", "\"report\"", "[]", "[{}]", "{", "}", "{\"a\":}", "\u0000\u0001",
                "<xml/>", "report_data = {}", "{'single': 'quotes'}", "NaN", "{\"a\":1e999999}" };
        if (random.nextInt(3) == 0) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return bodies[random.nextInt(bodies.length)];
    }

    private JsonNode badIdOrDate(ObjectNode seed) {
        String[] ids = { "ede9f834-70b3-476c-83d9-736f9f8c7dag", "ede9f83470b3476c83d9736f9f8c7dae", "{ede9f834-70b3-476c-83d9-736f9f8c7dae}",
                "../../etc/passwd", "' OR 1=1 --", "ede9f834-70b3-476c-83d9-736f9f8c7dae\n" };
        String[] dates = { "2017-13-01", "2017-00-10", "17-05-01", "2017-5-1", "2017-05-01T00:00:00Z", "+2017-05-01", "9999-12-31" };
        switch (random.nextInt(3)) {
            case 0 -> ((ObjectNode) seed.get("parameters")).put("tenant_id", ids[random.nextInt(ids.length)]);
            case 1 -> ((ArrayNode) seed.get("recipients")).set(0, NODES.textNode(ids[random.nextInt(ids.length)]));
            default -> ((ObjectNode) seed.get("parameters").get("period")).put(random.nextBoolean() ? "start" : "end",
                    dates[random.nextInt(dates.length)]);
        }
        return seed;
    }

    private String rawTrick(String json) {
        return switch (random.nextInt(4)) {
            case 0 -> json + json;
            case 1 -> json.replaceFirst("\"result_action\"", "\"result_action\":\"save\",\"result_action\"");
            case 2 -> json.replace("true", "tru");
            default -> json.replaceFirst("\\{", "{\"parameters\":{},");
        };
    }
}
