package dev.reportgateway.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportgateway.sandbox.SandboxUsage.Row;
import dev.reportgateway.sandbox.SandboxUsage.Usage;

/**
 * Writes usage rows as a stored-report file, exactly as the project's {@code docs/usage-formats.md} describes,
 * and gzip-compresses it. {@code csv_v2_0}, {@code json_v2_0} and {@code json_v1} carry the same rows and raw
 * numbers (csv_v2_0 with every column, or only the vendor's: {@link Header#vendorColumns()}); {@code csv} and
 * {@code html} are human-readable tables with bytes in GiB and seconds (compute points) in points (2 decimals,
 * half-up). Output depends on nothing but the arguments, so equal reports are byte-identical.
 */
final class SandboxReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRLF = "\r\n";
    private static final BigDecimal GIB = BigDecimal.valueOf(SandboxUsage.GIB);
    private static final BigDecimal SECONDS_PER_POINT = BigDecimal.valueOf(3600);

    /** {@code json_v2_0} {@code params.kind}/{@code report_type} numbers (4, 5, 8 documented; 9 the sandbox's). */
    private static final Map<String, Integer> KIND_NUMBERS =
            Map.of("usage_daily", 4, "usage_summary", 5, "usage_current", 8, "usage_breakdown", 9);
    /** {@code json_v2_0} {@code params.report_level} numbers (1–4 documented; 0 for {@code itself} the sandbox's). */
    private static final Map<String, Integer> LEVEL_NUMBERS =
            Map.of("itself", 0, "direct_partners", 1, "all_customers", 2, "accounts", 3, "all_partners", 4);

    /**
     * The csv_v2_0 columns of {@code acronis.sandbox.csv-columns=vendor}: only those Acronis' own parser reads
     * (acronis-cyber-cloud-whmcs, {@code CsvFormatParser}) plus {@code edition}, in a fixed shuffled order.
     */
    static final List<String> VENDOR_COLUMNS = List.of("usage.delta.trial", "infra.owner_id", "name",
            "usage.absolute.total", "tenant.kind", "usage.effective.total", "application.id", "usage.delta.total",
            "edition", "usage.absolute.production", "tenant.id", "usage.effective.trial", "infra.backend_type",
            "usage.delta.production", "usage.absolute.trial", "infra.id", "usage.effective.production");

    /**
     * What a file says about its report besides the rows; {@code vendorColumns} gives csv_v2_0 the
     * {@link #VENDOR_COLUMNS} only.
     */
    record Header(String partnerName, String kind, String level, LocalDate start, LocalDate end, LocalDate generated,
            boolean showSkus, boolean vendorColumns) {
    }

    private SandboxReportFiles() {
    }

    /** The gzip-compressed file of {@code format}. */
    static byte[] gzip(String format, Header header, List<Row> rows) {
        String text = switch (format) {
            case "csv_v2_0" -> csvV2(header, rows);
            case "json_v2_0" -> json(jsonV2(header, rows));
            case "json_v1" -> json(jsonV1(header, rows));
            case "csv" -> csv(table(header, rows));
            case "html" -> html(table(header, rows));
            default -> throw new IllegalArgumentException("unknown report format " + format);
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------------------------------ csv_v2_0

    private static String csvV2(Header header, List<Row> rows) {
        List<String> columns = header.vendorColumns() ? VENDOR_COLUMNS : fullColumns(header.showSkus());
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (Row row : rows) {
            Map<String, String> cells = csvV2Cells(header, row);
            line(out, columns.stream().map(cells::get).toList());
        }
        return out.toString();
    }

    private static List<String> fullColumns(boolean showSkus) {
        List<String> columns = new ArrayList<>(List.of("tenant.id", "tenant.name", "tenant.kind", "tenant.parent_id",
                "application.id", "name", "edition"));
        if (showSkus) {
            columns.add("sku");
        }
        columns.addAll(List.of("measurement_unit", "infra.id", "infra.backend_type", "infra.owner_id",
                "usage.absolute.production", "usage.absolute.total", "usage.absolute.trial",
                "usage.delta.production", "usage.delta.total", "usage.delta.trial",
                "usage.effective.production", "usage.effective.total", "usage.effective.trial",
                "period.start", "period.end"));
        return columns;
    }

    /** Every csv_v2_0 cell of a row by column name; a file writes those of its columns. */
    private static Map<String, String> csvV2Cells(Header header, Row row) {
        Map<String, String> cells = new HashMap<>();
        cells.put("tenant.id", row.tenant().id());
        cells.put("tenant.name", row.tenant().name());
        cells.put("tenant.kind", row.tenant().kind());
        cells.put("tenant.parent_id", orEmpty(row.tenant().parentId()));
        cells.put("application.id", row.item().applicationId());
        cells.put("name", row.item().name());
        cells.put("edition", orEmpty(row.item().edition()));
        cells.put("sku", row.item().sku());
        cells.put("measurement_unit", row.item().unit());
        cells.put("infra.id", row.infra() == null ? "" : row.infra().id());
        cells.put("infra.backend_type", row.infra() == null ? "" : row.infra().backendType());
        cells.put("infra.owner_id", row.infra() == null ? "" : row.infra().ownerId());
        Map<String, Usage> measures = Map.of("absolute", row.absolute(), "delta", row.delta(),
                "effective", row.effective());
        measures.forEach((measure, usage) -> {
            cells.put("usage." + measure + ".production", Long.toString(usage.production()));
            cells.put("usage." + measure + ".total", Long.toString(usage.total()));
            cells.put("usage." + measure + ".trial", Long.toString(usage.trial()));
        });
        cells.put("period.start", header.start().toString());
        cells.put("period.end", header.end().toString());
        return cells;
    }

    // ------------------------------------------------------------------------------------------ json_v2_0

    private static ObjectNode jsonV2(Header header, List<Row> rows) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode params = root.putObject("params");
        int kind = KIND_NUMBERS.get(header.kind());
        params.put("kind", kind);
        params.put("report_type", kind);
        params.put("gen_date", header.generated().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        params.put("begin_date", header.start().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        params.put("end_date", header.end().atTime(23, 59, 59).toEpochSecond(ZoneOffset.UTC));
        params.put("report_level", LEVEL_NUMBERS.get(header.level()));
        params.put("name", header.partnerName());
        ArrayNode tenants = root.putArray("tenants");
        for (Row row : rows) {
            ObjectNode item = tenants.addObject();
            ObjectNode tenant = item.putObject("tenant");
            tenant.put("id", row.tenant().id());
            tenant.put("name", row.tenant().name());
            tenant.put("kind", row.tenant().kind());
            if (row.tenant().parentId() != null) {
                tenant.put("parent_id", row.tenant().parentId());
            }
            item.putObject("application").put("id", row.item().applicationId());
            item.put("name", row.item().name());
            item.put("edition", row.item().edition());
            if (header.showSkus()) {
                item.put("sku", row.item().sku());
            }
            item.put("measurement_unit", row.item().unit());
            if (row.infra() != null) {
                item.putObject("infra").put("id", row.infra().id()).put("backend_type", row.infra().backendType())
                        .put("owner_id", row.infra().ownerId());
            }
            ObjectNode usage = item.putObject("usage");
            usage(usage.putObject("absolute"), row.absolute());
            usage(usage.putObject("delta"), row.delta());
            usage(usage.putObject("effective"), row.effective());
        }
        return root;
    }

    // ------------------------------------------------------------------------------------------ json_v1

    private static ObjectNode jsonV1(Header header, List<Row> rows) {
        Map<String, ObjectNode> byTenant = new LinkedHashMap<>();
        for (Row row : rows) {
            ObjectNode tenant = byTenant.computeIfAbsent(row.tenant().id(), id -> {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", id);
                node.put("name", row.tenant().name());
                node.put("kind", row.tenant().kind());
                if (row.tenant().parentId() != null) {
                    node.put("parent_id", row.tenant().parentId());
                }
                node.putArray("usages");
                return node;
            });
            ObjectNode usage = ((ArrayNode) tenant.get("usages")).addObject();
            usage.put("name", row.item().name());
            usage.put("edition", row.item().edition());
            if (header.showSkus()) {
                usage.put("sku", row.item().sku());
            }
            usage.put("measurement_unit", row.item().unit());
            if (row.infra() != null) {
                usage.put("infra_id", row.infra().id());
            }
            usage.put("application_id", row.item().applicationId());
            usage(usage.putObject("absolute"), row.absolute());
            usage(usage.putObject("delta"), row.delta());
            usage(usage.putObject("effective"), row.effective());
        }
        ObjectNode root = JSON.createObjectNode();
        root.putArray("tenants").addAll(byTenant.values());
        return root;
    }

    private static void usage(ObjectNode node, Usage usage) {
        node.put("production", usage.production()).put("total", usage.total()).put("trial", usage.trial());
    }

    private static String json(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // ------------------------------------------------------------------------------------------ csv, html

    /** The human-readable table: header row first, units converted, usage as absolute / delta / effective totals. */
    private static List<List<String>> table(Header header, List<Row> rows) {
        List<List<String>> table = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("Tenant", "Kind", "Offering item"));
        if (header.showSkus()) {
            head.add("SKU");
        }
        head.addAll(List.of("Infrastructure", "Unit", "Usage", "Change", "Effective usage"));
        table.add(head);
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.tenant().name(), row.tenant().kind(), row.item().name()));
            if (header.showSkus()) {
                cells.add(row.item().sku());
            }
            cells.add(row.infra() == null ? "" : row.infra().backendType());
            String unit = row.item().unit();
            cells.add(switch (unit) {
                case "bytes" -> "GiB";
                case "seconds" -> "points";
                default -> unit;
            });
            for (Usage usage : List.of(row.absolute(), row.delta(), row.effective())) {
                cells.add(converted(unit, usage.total()));
            }
            table.add(cells);
        }
        return table;
    }

    private static String converted(String unit, long value) {
        return switch (unit) {
            case "bytes" -> BigDecimal.valueOf(value).divide(GIB, 2, RoundingMode.HALF_UP).toPlainString();
            case "seconds" -> BigDecimal.valueOf(value).divide(SECONDS_PER_POINT, 2, RoundingMode.HALF_UP)
                    .toPlainString();
            default -> Long.toString(value);
        };
    }

    private static String csv(List<List<String>> table) {
        StringBuilder out = new StringBuilder();
        table.forEach(cells -> line(out, cells));
        return out.toString();
    }

    private static String html(List<List<String>> table) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>Usage report</title></head><body>\n<table>\n");
        for (int i = 0; i < table.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            out.append("<tr>");
            for (String value : table.get(i)) {
                out.append('<').append(cell).append('>').append(escapeHtml(value)).append("</").append(cell)
                        .append('>');
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n</body></html>\n").toString();
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** One RFC 4180 record: fields with a comma, quote or line break quoted, quotes doubled; CRLF at the end. */
    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append(CRLF);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
