package dev.reportgateway.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;

/** Reads json_v2_0: each element of {@code tenants} is one usage row, fields at the csv_v2_0 dotted paths. */
final class JsonV20Parser implements UsageParser {

    private final UsageLimits limits;

    JsonV20Parser(UsageLimits limits) {
        this.limits = limits;
    }

    @Override
    public long parse(InputStream in, Consumer<UsageRow> sink) throws IOException {
        return JsonTenantsArray.forEach(in, "json_v2_0", limits, (parser, index, record) -> {
            Map<String, String> fields = JsonFields.read(parser, record);
            sink.accept(UsageRowAssembler.assemble(fields::get, "json_v2_0 row " + index + " (tenants[" + index + "])"));
        });
    }
}
