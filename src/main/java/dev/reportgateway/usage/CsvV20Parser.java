package dev.reportgateway.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** Reads csv_v2_0 line by line: a header of dotted field names, then one usage row per record. */
final class CsvV20Parser implements UsageParser {

    private final UsageLimits limits;
    private final CsvFactory factory;

    CsvV20Parser(UsageLimits limits) {
        this.limits = limits;
        this.factory = CsvFactory.builder()
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .streamReadConstraints(limits.readConstraints())
                .build();
    }

    @Override
    public long parse(InputStream in, Consumer<UsageRow> sink) throws IOException {
        try (JsonParser parser = factory.createParser(in)) {
            Map<String, Integer> columns = header(parser);
            long rows = 0;
            List<String> cells = new ArrayList<>(columns.size());
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                cells.clear();
                String where = "csv_v2_0 line " + readRecord(parser, cells);
                if (cells.size() != columns.size()) {
                    throw new UsageFormatException(where + ": " + cells.size() + " cells, but the header has "
                            + columns.size() + " columns");
                }
                sink.accept(UsageRowAssembler.assemble(name -> cell(columns, cells, name), where));
                rows++;
            }
            return rows;
        } catch (StreamConstraintsException e) {
            throw limits.cellTooLong("csv_v2_0" + line(e));
        } catch (JsonProcessingException e) {
            throw new UsageFormatException("csv_v2_0 is not valid CSV" + line(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, Integer> header(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new UsageFormatException("csv_v2_0 has no header line");
        }
        List<String> names = new ArrayList<>();
        readRecord(parser, names);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            columns.putIfAbsent(i == 0 ? name.replace("\uFEFF", "") : name, i);
        }
        List<String> missing = UsageRowAssembler.REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new UsageFormatException("csv_v2_0 header lacks the required column(s) " + missing);
        }
        return columns;
    }

    /**
     * Reads the record's cells (the parser is at its {@code START_ARRAY}) within the column and record limits;
     * returns the line it starts on.
     */
    private int readRecord(JsonParser parser, List<String> cells) throws IOException {
        int line = -1;
        long chars = 0;
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            String cell = parser.getText();
            chars += cell.length() + 1;
            cells.add(cell);
            if (cells.size() > limits.maxColumns()) {
                throw limits.tooManyColumns("csv_v2_0 line " + line);
            }
            if (chars > limits.maxRecordChars()) {
                throw limits.recordTooLong("csv_v2_0 line " + line);
            }
        }
        return line;
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
    }

    private static String cell(Map<String, Integer> columns, List<String> cells, String name) {
        Integer index = columns.get(name);
        return index == null ? null : cells.get(index);
    }
}
