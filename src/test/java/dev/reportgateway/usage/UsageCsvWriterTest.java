package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

class UsageCsvWriterTest {

    @Test
    void writesTheHeaderAndOneQuotedLinePerRow() throws IOException {
        StringWriter out = new StringWriter();
        UsageCsvWriter writer = new UsageCsvWriter(out);
        Fixtures.report(UsageFormat.CSV_V2_0).forEach(writer);

        String[] lines = out.toString().split("\r\n");
        assertEquals(12, lines.length);
        assertEquals("tenant_id,tenant_name,tenant_kind,offering_item,sku,edition,unit,infra_id,"
                + "absolute_production,absolute_total,absolute_trial,delta_production,delta_total,delta_trial,"
                + "effective_production,effective_total,effective_trial,converted_unit,"
                + "converted_absolute_production,converted_absolute_total,converted_absolute_trial,"
                + "converted_delta_production,converted_delta_total,converted_delta_trial,"
                + "converted_effective_production,converted_effective_total,converted_effective_trial,"
                + "billable_quantity,billable_unit,billable_measure", lines[0]);
        assertEquals("0f000000-0000-4000-8000-00000000000a,\"Alpha, Inc. \"\"North\"\"\",customer,compute_points,,"
                + "pay_as_you_go,seconds,,5418,5418,0,5418,5418,0,5418,5418,0,points,"
                + "1.51,1.51,0.00,1.51,1.51,0.00,1.51,1.51,0.00,1.51,points,delta.total", lines[7]);
    }

    @Test
    void aCsvReaderGetsTheValuesBack() throws IOException {
        StringWriter out = new StringWriter();
        UsageCsvWriter writer = new UsageCsvWriter(out);
        List<UsageRow> rows = Fixtures.report(UsageFormat.JSON_V2_0);
        rows.forEach(writer);

        try (MappingIterator<Map<String, String>> read = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.toString())) {
            List<Map<String, String>> back = read.readAll();
            assertEquals(rows.size(), back.size());
            for (int i = 0; i < rows.size(); i++) {
                UsageRow row = rows.get(i);
                Map<String, String> line = back.get(i);
                assertEquals(row.tenantName(), line.get("tenant_name"));
                assertEquals(row.sku() == null ? "" : row.sku(), line.get("sku"));
                assertEquals(row.converted().effective().production().toPlainString(),
                        line.get("converted_effective_production"));
                assertEquals(UsageCsvWriter.COLUMNS.size(), line.size());
            }
        }
    }
}
