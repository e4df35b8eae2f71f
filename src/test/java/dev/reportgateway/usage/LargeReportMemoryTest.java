package dev.reportgateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Parses a generated csv_v2_0 of more than 200 MiB (255 MB) into totals in a separate JVM capped at 128 MiB of
 * heap (serial GC). Runs in every {@code ./mvnw test}/{@code verify}: measured 5 s alone, 11 s within a full
 * verify on this 2-core machine; tagged so it can be excluded with {@code -DexcludedGroups=memory}.
 */
@Tag("memory")
class LargeReportMemoryTest {

    private static final long ROWS = 800_000;
    private static final long MIN_BYTES = 200L * 1024 * 1024;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aReportOver200MibParsesWithA128MibHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", classpath,
                LargeCsvParseMain.class.getName(), Long.toString(ROWS)))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(100, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        Matcher result = Pattern.compile("rows=(\\d+) bytes=(\\d+) totals=(\\d+) peak_heap_bytes=(\\d+) "
                + "max_heap_bytes=(\\d+)").matcher(output);
        assertTrue(result.find(), output);
        assertEquals(ROWS, Long.parseLong(result.group(1)), output);
        assertTrue(Long.parseLong(result.group(2)) > MIN_BYTES, "report too small: " + output);
        assertEquals(2000 * 4, Long.parseLong(result.group(3)), output);
        assertTrue(Long.parseLong(result.group(5)) <= 128L * 1024 * 1024, output);
        System.out.println("LargeReportMemoryTest: " + output.strip());
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }
}
