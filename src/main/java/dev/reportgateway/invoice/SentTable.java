package dev.reportgateway.invoice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import dev.reportgateway.report.FieldError;
import dev.reportgateway.report.InvalidRequestException;

/**
 * A table sent as CSV (a header line, then one record per line) or as JSON (an array of objects, or an object whose
 * {@code arrayField} is that array): rows of text cells, each knowing where it came from, for error messages that
 * name the line or the array index. A JSON number where the table wants text is kept apart: it may not be exact.
 */
final class SentTable {

    /** One row: {@code where} names it ({@code line 3}, {@code items[2]}); empty cells are absent. */
    record Row(String where, Map<String, String> cells, Set<String> numbers) {

        String cell(String column) {
            return cells.get(column);
        }

        /** The path of one of its cells in a field error ({@code items[2].unit_price}, {@code line 3: unit_price}). */
        String field(String column) {
            return where.startsWith("line ") ? where + ": " + column : where + "." + column;
        }
    }

    /** The rows read, and what was wrong with the table itself or with a row's shape. */
    record Parsed(List<Row> rows, List<FieldError> errors) {
    }

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private SentTable() {
    }

    /** The rows of a CSV body with the given columns; a header naming another column is an error. */
    static Parsed csv(byte[] body, Set<String> columns) {
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = CSV.createParser(body)) {
            List<String> header = new ArrayList<>();
            if (record(parser, header) < 0) {
                throw new InvalidRequestException("body", "is empty: send a header line, then one line per row");
            }
            for (int i = 0; i < header.size(); i++) {
                String name = (i == 0 ? header.get(i).replace("\uFEFF", "") : header.get(i)).strip();
                header.set(i, name);
                if (!columns.contains(name)) {
                    errors.add(new FieldError("header", "column '" + name + "' is not one of " + String.join(", ", columns)));
                } else if (header.indexOf(name) < i) {
                    errors.add(new FieldError("header", "column '" + name + "' appears twice"));
                }
            }
            List<String> cells = new ArrayList<>();
            int line;
            while ((line = record(parser, cells)) >= 0) {
                String where = "line " + line;
                if (cells.size() != header.size()) {
                    errors.add(new FieldError(where, cells.size() + " cells, but the header has " + header.size() + " columns"));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i).strip();
                    if (!cell.isEmpty() && columns.contains(header.get(i))) {
                        row.put(header.get(i), cell);
                    }
                }
                rows.add(new Row(where, row, Set.of()));
            }
        } catch (JsonProcessingException malformed) {
            throw new InvalidRequestException("body", "is not valid CSV (line " + malformed.getLocation().getLineNr() + "): "
                    + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InvalidRequestException("body", "could not be read");
        }
        return new Parsed(rows, errors);
    }

    /** The rows of a JSON body: an array of objects, or an object with only {@code arrayField}, that array. */
    static Parsed json(JsonNode body, String arrayField, Set<String> columns) {
        JsonNode array = body;
        String prefix = "";
        if (body.isObject()) {
            array = body.path(arrayField);
            prefix = arrayField;
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals(arrayField)) {
                    throw new InvalidRequestException(name, "is not a field of this body: send {\"" + arrayField + "\": [...]}");
                }
            });
        }
        if (!array.isArray()) {
            throw new InvalidRequestException(prefix.isEmpty() ? "body" : prefix,
                    "must be an array of objects (or send {\"" + arrayField + "\": [...]})");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = prefix + "[" + i + "]";
            JsonNode object = array.get(i);
            if (!object.isObject()) {
                errors.add(new FieldError(where, "must be an object"));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            Set<String> numbers = new java.util.HashSet<>();
            object.fields().forEachRemaining(field -> {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (!columns.contains(name)) {
                    errors.add(new FieldError(where + "." + name, "is not one of " + String.join(", ", columns)));
                } else if (value.isNumber()) {
                    numbers.add(name);
                    cells.put(name, value.asText());
                } else if (value.isTextual()) {
                    if (!value.asText().isBlank()) {
                        cells.put(name, value.asText().strip());
                    }
                } else if (!value.isNull()) {
                    errors.add(new FieldError(where + "." + name, "must be text"));
                }
            });
            rows.add(new Row(where, cells, numbers));
        }
        return new Parsed(rows, errors);
    }

    /** Reads the next record into {@code cells} (cleared first); its line, or -1 at the end. */
    private static int record(JsonParser parser, List<String> cells) throws IOException {
        cells.clear();
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return -1;
        }
        int line = parser.currentLocation().getLineNr(); // the record's start has no location of its own: its first cell's
        for (JsonToken token = parser.nextToken(); token == JsonToken.VALUE_STRING; token = parser.nextToken()) {
            if (cells.isEmpty()) {
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return line;
    }
}
