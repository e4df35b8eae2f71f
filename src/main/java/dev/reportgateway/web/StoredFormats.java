package dev.reportgateway.web;

import java.util.Locale;

import dev.reportgateway.acronis.model.StoredReport;

/** What a stored report's format means for its download: media type and file extension. */
final class StoredFormats {

    /** A format's media type and extension. */
    record Kind(String mediaType, String extension) {
        /** {@code <report id>-<stored id>.<format>.<extension>}, safe for a {@code Content-Disposition} header. */
        String fileName(String reportId, StoredReport stored) {
            String format = stored.reportFormat() == null ? "report" : stored.reportFormat().replaceAll("[^A-Za-z0-9_]", "");
            return reportId + "-" + stored.id().toLowerCase(Locale.ROOT) + "." + format + "." + extension;
        }
    }

    private StoredFormats() {
    }

    static Kind of(String reportFormat) {
        String format = reportFormat == null ? "" : reportFormat;
        return switch (format) {
            case "csv", "csv_v2_0" -> new Kind("text/csv; charset=UTF-8", "csv");
            case "json_v1", "json_v2_0" -> new Kind("application/json", "json");
            case "html" -> new Kind("text/html; charset=UTF-8", "html");
            default -> new Kind("application/octet-stream", "bin");
        };
    }
}
