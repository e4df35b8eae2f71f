package dev.reportgateway.usage;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * One cell of a CSV file the gateway writes, safe to open in a spreadsheet: text that a spreadsheet would run
 * as a formula (it starts with {@code = + - @}, a tab or a carriage return; OWASP's CSV-injection advice) gets a
 * leading {@code '}; plain decimal numbers such as {@code -5} or {@code -0.25} are left as they are. Then quoted
 * as RFC 4180 requires. Nothing is trimmed.
 */
public final class CsvCells {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** Writes one CSV line of {@code cells} ({@link #cell} each, comma-separated, ended by CRLF). */
    public static void line(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    /** The cell as written into a CSV line: neutralised, then quoted when needed; null is empty. */
    public static String cell(String text) {
        return quoted(neutralised(text));
    }

    /** {@code text} with a leading {@code '} when a spreadsheet would take it for a formula; numbers unchanged. */
    static String neutralised(String text) {
        if (text == null || text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || DECIMAL.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** RFC 4180: quoted when it holds a comma, quote, CR or LF, with inner quotes doubled; null is empty. */
    static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
