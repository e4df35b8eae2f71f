package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        assertEquals("plain", CsvCells.cell("plain"));
        assertEquals("", CsvCells.cell(null));
        assertEquals("", CsvCells.cell(""));
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.cell("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvCells.cell("two\r\nlines"));
        assertEquals("\"x\ny\"", CsvCells.cell("x\ny"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(A1:A9)", "+1+1", "-1+1", "\t=1+1", "\r=1+1",
            "=1", "-", "+", "@", "-5e3", "--5", "-.5", "- 5", "-5 " })
    void formulaTextGetsALeadingQuoteAndNothingIsTrimmed(String text) {
        assertEquals("'" + text, CsvCells.neutralised(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Alpha GmbH", "a=b", " =1", "1+1", "pw_base_storage" })
    void otherTextIsLeftAsItIs(String text) {
        assertEquals(text, CsvCells.neutralised(text));
    }

    @Test
    void neutralisedThenQuoted() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
                CsvCells.cell("=HYPERLINK(\"http://evil.example\",\"x\")"));
        assertEquals("'\t=1+1", CsvCells.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", CsvCells.cell("\r=1+1"));
        assertEquals("'@SUM(A1:A9)", CsvCells.cell("@SUM(A1:A9)"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "-5", "-0.25", "0", "12", "1073741824", "-1073741824.50", "0.00" })
    void decimalNumbersAreLeftAsTheyAre(String number) {
        assertEquals(number, CsvCells.cell(number));
    }
}
