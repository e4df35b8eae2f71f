package dev.reportgateway.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads json_v1: one usage row per element of a tenant's {@code usages}, carrying that tenant's id, name and
 * kind. One tenant's usages are held until its object ends, since its id and kind may come after them.
 */
final class JsonV1Parser implements UsageParser {

    private final UsageLimits limits;

    JsonV1Parser(UsageLimits limits) {
        this.limits = limits;
    }

    @Override
    public long parse(InputStream in, Consumer<UsageRow> sink) throws IOException {
        long[] rows = {0};
        JsonTenantsArray.forEach(in, "json_v1", limits, (parser, index, record) -> {
            Map<String, String> tenant = new HashMap<>();
            List<Map<String, String>> usages = new ArrayList<>();
            readTenant(parser, index, record, tenant, usages);
            for (int u = 0; u < usages.size(); u++) {
                Map<String, String> usage = usages.get(u);
                String where = "json_v1 row " + rows[0] + " (tenants[" + index + "].usages[" + u + "])";
                sink.accept(UsageRowAssembler.assemble(name -> field(tenant, usage, name), where));
                rows[0]++;
            }
        });
        return rows[0];
    }

    private static void readTenant(JsonParser parser, int index, JsonRecord record, Map<String, String> tenant,
            List<Map<String, String>> usages) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("usages".equals(name) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw new UsageFormatException("json_v1 tenants[" + index + "].usages: element is not an object");
                    }
                    usages.add(JsonFields.read(parser, record));
                }
            } else if (value.isStructStart()) {
                parser.skipChildren();
            } else {
                tenant.put(name, JsonFields.scalar(parser));
            }
            record.field(tenant.size());
        }
    }

    /** A csv_v2_0 dotted name looked up where json_v1 keeps it. */
    private static String field(Map<String, String> tenant, Map<String, String> usage, String name) {
        if (name.startsWith("tenant.")) {
            return tenant.get(name.substring("tenant.".length()));
        }
        if (name.startsWith("usage.")) {
            return usage.get(name.substring("usage.".length()));
        }
        if (name.equals("infra.id")) {
            return usage.get("infra_id");
        }
        return usage.get(name);
    }
}
