package dev.reportgateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.reportgateway.store.PackagedGateway;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.WireMockUpstream;
import dev.reportgateway.usage.SyntheticCsvReport;

/**
 * The web console ({@code /console/}) of the packaged gateway in a real browser: headless Chromium driven by Selenium
 * through Debian's {@code /usr/bin/chromedriver}. A writer signs in (after a refused key), starts a run for last month
 * in sandbox mode, watches it progress to done, opens it (chart, filter, usage CSV download) with a clean browser
 * console; a reader sees no start, cancel or delete controls and is refused a POST; a run of 2,000 customers (real
 * mode against WireMock) loads in the run view, whose load time is logged, and fits a phone's width. Screenshots go to
 * {@code target/console-screenshots/}, downloads to {@code target/console-downloads/}.
 * <p>
 * <b>Needs the system packages {@code chromium} ({@code /usr/bin/chromium}) and {@code chromium-driver}
 * ({@code /usr/bin/chromedriver}).</b> Selenium never downloads a browser or a driver (Selenium Manager is skipped: the
 * driver's path is given to the service, the browser's to the options) and the browser reaches only the gateway on the
 * loopback address. When either package is missing the test is <em>skipped</em> (a JUnit assumption naming the missing
 * package) on a developer's machine, and <em>fails</em> when the environment variable {@code CI} is {@code true}:
 * {@code .ci/run} installs both before {@code ./mvnw -B verify}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SCREENSHOTS = TARGET.resolve("console-screenshots");
    private static final Path DOWNLOADS = TARGET.resolve("console-downloads");
    private static final Path BROWSER_HOME = TARGET.resolve("console-browser");

    /** Obviously fake API keys: the gateways get their SHA-256 only. */
    private static final String WRITER_KEY = "console-writer-key-not-a-secret";
    private static final String READER_KEY = "console-reader-key-not-a-secret";
    private static final String WRONG_KEY = "console-wrong-key-not-a-secret";

    /** The tenant of the real-mode run; the platform's stubs answer for it only. */
    private static final String TENANT = "0f000000-0000-4000-8000-000000000001";
    private static final String REPORT_ID = "c0a50000-0000-4000-8000-000000002000";
    private static final String STORED_ID = "5d6b0a3c-1f7e-4c8a-9b2d-7e6f5a4b3c2d";
    /** {@link SyntheticCsvReport} of this many rows: exactly 2,000 customers times 4 offering items. */
    private static final long LARGE_ROWS = 8_000;
    private static final String LARGE_MONTH = "2026-10";

    /** A page element appearing or changing: generous, CI has two slow shared cores. */
    private static final Duration UI_WAIT = Duration.ofSeconds(30);
    /** A run reaching done, or a large run rendered. */
    private static final Duration RUN_WAIT = Duration.ofSeconds(90);
    private static final Duration GATEWAY_DEADLINE = Duration.ofMinutes(2);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Why every test is skipped (the browser packages are missing outside CI), or null. */
    private static String missingPackages;
    private static PackagedGateway sandbox;
    private static WireMockServer wireMock;
    private static PackagedGateway real;

    private final List<Browser> browsers = new ArrayList<>();

    /** On a failure, before the browsers are closed: a screenshot and the console of each, for the report. */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException().ifPresent(failure -> {
        for (Browser browser : browsers) {
            if (browser.closed) {
                continue;
            }
            String name = "failure-" + context.getRequiredTestMethod().getName() + "-" + browser.name;
            try {
                System.out.println("[console-it] FAILED in " + browser.name + " at " + browser.driver.getCurrentUrl()
                        + "; screenshot " + screenshot(browser, name + ".png"));
                browser.printConsole();
            } catch (RuntimeException lost) {
                System.out.println("[console-it] no evidence from " + browser.name + ": " + lost);
            }
        }
    });

    @BeforeAll
    static void requireChromiumAndStartTheSandboxGateway() throws IOException {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("chromium (" + CHROMIUM + ")");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add("chromium-driver (" + CHROMEDRIVER + ")");
        }
        if (!missing.isEmpty()) {
            String message = "ConsoleBrowserIT needs the Debian packages chromium and chromium-driver; missing: "
                    + String.join(", ", missing) + ". Install them: apt-get install -y --no-install-recommends chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: .ci/run installs them before ./mvnw -B verify, so this is a broken CI machine)");
            }
            missingPackages = message + " (skipped: not CI)";
            System.out.println("[console-it] " + missingPackages);
            return;
        }
        // Selenium Manager is never asked for a driver: the path is given here and to the service of each browser.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        Files.createDirectories(BROWSER_HOME);

        // sandbox mode (no acronis.url); a stored report stays in progress for a few seconds, so a run is seen running
        sandbox = launcher("console-sandbox")
                .property("acronis.sandbox.stored-report-delay", "15s")
                .start();
        System.out.println("[console-it] sandbox gateway at " + sandbox.uri("/console/") + " (log " + sandbox.logFile() + ")");
    }

    @BeforeEach
    void skipWithoutChromium() {
        Assumptions.assumeTrue(missingPackages == null, () -> missingPackages);
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {real, sandbox, wireMock == null ? null : wireMock::stop}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    System.out.println("[console-it] closing failed: " + ignored);
                }
            }
        }
        real = null;
        sandbox = null;
        wireMock = null;
    }

    @AfterEach
    void quitBrowsers() {
        for (Browser browser : browsers) {
            browser.close();
        }
        browsers.clear();
    }

    /**
     * A refused key shows an error; the writer signs in, starts a run for last month (UTC) from the page, sees it in
     * progress and then done, opens it: the chart has bars, the filter narrows the customers, the usage CSV downloads,
     * and the browser's console has no error.
     */
    @Test
    @Order(1)
    void aWriterStartsARunWatchesItFinishAndExploresIt() throws IOException {
        // the refused key in a browser of its own: its 401 is the only error allowed, and it stays in that console
        Browser refused = browser("wrong-key");
        refused.driver.get(sandbox.uri("/console/").toString());
        signIn(refused, WRONG_KEY);
        WebElement error = refused.await("#signin-error visible and non-empty after a refused key", UI_WAIT, driver -> {
            WebElement shown = driver.findElement(By.id("signin-error"));
            return shown.isDisplayed() && !shown.getText().isBlank() ? shown : null;
        });
        assertTrue(error.getText().contains("not accepted"), "#signin-error says the key was not accepted: " + error.getText());
        assertTrue(refused.driver.findElement(By.id("signin")).isDisplayed(), "the sign-in form stays after a refused key");
        assertFalse(refused.driver.findElement(By.id("app")).isDisplayed(), "#app stays hidden after a refused key");
        List<LogEntry> refusedErrors = severe(refused.printConsole());
        assertTrue(refusedErrors.stream().allMatch(entry -> entry.getMessage().contains("401")),
                "the refused key's only console errors are its 401: " + refusedErrors);
        refused.close();

        Browser browser = browser("writer");
        browser.driver.get(sandbox.uri("/console/").toString());
        signIn(browser, WRITER_KEY);
        awaitSignedIn(browser);
        String who = browser.driver.findElement(By.id("who")).getText();
        assertTrue(who.toLowerCase(Locale.ROOT).contains("writer"), "#who shows the writer's roles: " + who);
        browser.await("#runs-view and #runs-table shown", UI_WAIT, driver -> driver.findElement(By.id("runs-view")).isDisplayed()
                && driver.findElement(By.id("runs-table")).isDisplayed());
        screenshot(browser, "01-runs-list.png");

        // start a run for last month from the page
        Set<String> before = runIds(browser);
        String month = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        WebElement monthInput = browser.await("form#start-run with input#start-month", UI_WAIT,
                driver -> driver.findElement(By.cssSelector("form#start-run input#start-month")));
        setValue(browser, monthInput, month);
        assertEquals(month, monthInput.getAttribute("value"), "input#start-month takes the month");
        browser.driver.findElement(By.id("start-button")).click();
        String runId = browser.await("a new run row in #runs-table after #start-button", UI_WAIT, driver -> {
            Set<String> now = runIds(browser);
            now.removeAll(before);
            return now.isEmpty() ? null : now.iterator().next();
        });
        System.out.println("[console-it] started run " + runId + " for " + month);
        String row = "#runs-table tbody tr[data-run-id='" + runId + "']";

        // in progress: a status other than done and a progress bar in its row
        String status = browser.await("the status of run " + runId, UI_WAIT, driver -> statusOf(driver, row));
        assertFalse(status.startsWith("done") || status.startsWith("failed") || status.startsWith("cancelled"),
                "the run is seen in progress (the sandbox keeps its report in progress for 15 s), status: " + status);
        browser.await("progress.run-progress in the row of the active run", UI_WAIT,
                driver -> !driver.findElements(By.cssSelector(row + " progress.run-progress")).isEmpty());
        screenshot(browser, "02-run-in-progress.png");
        String shown = statusOf(browser.driver, row);
        assertFalse(shown.startsWith("done"), "02-run-in-progress.png shows the run in progress, not: " + shown);

        // done, without reloading: the page follows the run by itself
        String finalStatus = browser.await("run " + runId + " to say done in its row (or end otherwise)", RUN_WAIT, driver -> {
            String now = statusOf(driver, row);
            return now.startsWith("done") || now.startsWith("failed") || now.startsWith("cancelled") ? now : null;
        });
        assertTrue(finalStatus.startsWith("done"), "run " + runId + " ends done, not: " + finalStatus + " (gateway log " + sandbox.logFile() + ")");
        assertTrue(browser.driver.findElements(By.cssSelector(row + " progress.run-progress")).isEmpty(), "no progress bar on a done run");

        // open it: chart, customers
        browser.js("document.querySelector(arguments[0]).click();", row + " a.open-run"); // one step: the row may be replaced
        browser.await("#run-view shown", UI_WAIT, driver -> driver.findElement(By.id("run-view")).isDisplayed());
        awaitLoaded(browser, UI_WAIT);
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/runs/" + runId), "the route names the run: " + browser.driver.getCurrentUrl());
        int bars = browser.await("bars in #chart svg", UI_WAIT, driver -> {
            int count = driver.findElements(By.cssSelector("#chart svg rect")).size();
            return count > 0 ? count : null;
        });
        System.out.println("[console-it] chart bars: " + bars + ", #run-status: " + browser.driver.findElement(By.id("run-status")).getText());
        assertEquals(1, browser.driver.findElements(By.cssSelector("#chart svg")).size(), "one svg in #chart");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.driver.findElement(By.id("chart")));
        screenshot(browser, "03-run-done-with-chart.png");

        // the filter: fewer rows, each matching
        List<String> names = customerNames(browser);
        assertTrue(names.size() >= 2, "the sandbox run shows several customers: " + names);
        String filter = narrowingFilter(names);
        System.out.println("[console-it] " + names.size() + " customer rows; filtering by \"" + filter + "\"");
        browser.driver.findElement(By.id("customer-filter")).sendKeys(filter);
        List<String> filtered = browser.await("fewer #customers-table rows after typing \"" + filter + "\"", UI_WAIT, driver -> {
            List<String> now = customerNames(browser);
            return !now.isEmpty() && now.size() < names.size() ? now : null;
        });
        for (String name : filtered) {
            assertTrue(name.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)),
                    "every row left matches \"" + filter + "\": " + filtered);
        }

        // the usage CSV
        clearDownloads();
        browser.driver.findElement(By.id("download-usage")).click();
        Path csv = browser.await("a finished download in " + DOWNLOADS, UI_WAIT, driver -> finishedDownload());
        String header;
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        }
        System.out.println("[console-it] downloaded " + csv.getFileName() + " (" + Files.size(csv) + " bytes): " + header);
        assertTrue(header != null && header.startsWith("tenant_id,"), "the usage CSV's header starts with tenant_id: " + header);
        assertEquals("usage-" + runId + ".csv", csv.getFileName().toString(), "the download's name");

        List<LogEntry> errors = severe(browser.printConsole());
        assertTrue(errors.isEmpty(), "no error in the browser's console of the writer's session: " + errors);
    }

    /** A reader: no start form, no cancel or delete buttons, and the API refuses its POST of a run. */
    @Test
    @Order(2)
    void aReaderSeesRunsButNoControlsAndIsRefusedAStart() {
        // a run to look at: started by the writer through the API, in progress for a few seconds, then done
        String month = YearMonth.now(ZoneOffset.UTC).minusMonths(2).toString();
        HttpResponse<String> started = postRun(sandbox, WRITER_KEY, "{\"month\":\"" + month + "\"}");
        assertEquals(202, started.statusCode(), "the writer starts a run: " + started.body());
        String runId = io.restassured.path.json.JsonPath.from(started.body()).getString("id");
        String row = "#runs-table tbody tr[data-run-id='" + runId + "']";

        Browser browser = browser("reader");
        browser.driver.get(sandbox.uri("/console/").toString());
        signIn(browser, READER_KEY);
        awaitSignedIn(browser);
        String who = browser.driver.findElement(By.id("who")).getText();
        assertTrue(who.toLowerCase(Locale.ROOT).contains("reader") && !who.toLowerCase(Locale.ROOT).contains("writer"),
                "#who shows the reader's role only: " + who);
        String firstStatus = browser.await("the writer's run " + runId + " in the reader's list", UI_WAIT,
                driver -> statusOf(driver, row));
        System.out.println("[console-it] the reader sees run " + runId + " as " + firstStatus);
        assertTrue(browser.driver.findElements(By.id("start-run")).isEmpty(), "no form#start-run for a reader");
        assertTrue(browser.driver.findElements(By.cssSelector(".cancel-run")).isEmpty(), "no .cancel-run for a reader (run " + firstStatus + ")");
        assertTrue(browser.driver.findElements(By.cssSelector(".delete-run")).isEmpty(), "no .delete-run for a reader");

        String finalStatus = browser.await("run " + runId + " to say done in the reader's list", RUN_WAIT, driver -> {
            String now = statusOf(driver, row);
            return now.startsWith("done") || now.startsWith("failed") || now.startsWith("cancelled") ? now : null;
        });
        assertTrue(finalStatus.startsWith("done"), "the run ends done: " + finalStatus);
        assertTrue(browser.driver.findElements(By.id("start-run")).isEmpty(), "still no form#start-run");
        assertTrue(browser.driver.findElements(By.cssSelector(".cancel-run")).isEmpty(), "still no .cancel-run");
        assertTrue(browser.driver.findElements(By.cssSelector(".delete-run")).isEmpty(), "no .delete-run on a finished run for a reader");
        screenshot(browser, "04-reader.png");
        browser.printConsole();

        HttpResponse<String> refused = postRun(sandbox, READER_KEY, "{\"month\":\"" + month + "\"}");
        assertEquals(403, refused.statusCode(), "POST /billing/runs with the reader's key: " + refused.body());
    }

    /**
     * A run of 2,000 customers (real mode, the platform in WireMock) opened by its address: its rendering time is
     * logged (not asserted), the pager counts 2,000 customers, and at a phone's width nothing scrolls sideways.
     */
    @Test
    @Order(3)
    void aRunOfTwoThousandCustomersLoadsAndFitsAPhone() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        stubPlatform(gzip(new SyntheticCsvReport(LARGE_ROWS)));
        real = launcher("console-real")
                .property("acronis.url", "http://127.0.0.1:" + wireMock.port())
                .property("acronis.client-id", WireMockUpstream.CLIENT_ID)
                .env("ACRONIS_CLIENT_SECRET", WireMockUpstream.CLIENT_SECRET)
                .property("gateway.upstream.retry-delay", "100ms")
                .start();
        HttpResponse<String> started = postRun(real, WRITER_KEY, "{\"month\":\"" + LARGE_MONTH + "\",\"tenant_id\":\"" + TENANT + "\"}");
        assertEquals(202, started.statusCode(), "POST /billing/runs: " + started.body());
        String runId = io.restassured.path.json.JsonPath.from(started.body()).getString("id");
        String status = awaitRunEnd(real, runId, RUN_WAIT);
        assertEquals("done", status, "the large run ends done (gateway log " + real.logFile() + ")");

        Browser browser = browser("large");
        browser.driver.get(real.uri("/console/").toString());
        signIn(browser, WRITER_KEY);
        awaitSignedIn(browser);
        browser.await("#runs-view shown", UI_WAIT, driver -> driver.findElement(By.id("runs-view")).isDisplayed());

        long start = System.nanoTime();
        browser.driver.navigate().to(real.uri("/console/#/runs/" + runId).toString());
        awaitLoaded(browser, RUN_WAIT);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Object pageMs = browser.js("return document.body.dataset.runLoadedMs;");
        System.out.println("[console-it] run of 2,000 customers rendered: page says runLoadedMs=" + pageMs
                + " ms; the test measured " + wallMs + " ms from navigation to #customers-table[data-loaded=true]");
        String pageInfo = browser.driver.findElement(By.id("page-info")).getText();
        System.out.println("[console-it] #page-info: " + pageInfo);
        assertTrue(pageInfo.contains("2000") || pageInfo.contains("2,000"), "#page-info counts 2,000 customers: " + pageInfo);

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        Map<?, ?> widths = browser.await("the page laid out at 390 px", UI_WAIT, driver -> {
            Object measured = browser.js("return window.innerWidth <= 400 ? {inner: window.innerWidth,"
                    + " scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth} : null;");
            return measured instanceof Map<?, ?> map ? map : null;
        });
        screenshot(browser, "05-phone-width.png");
        System.out.println("[console-it] phone width: " + widths);
        long inner = ((Number) widths.get("inner")).longValue();
        long scroll = ((Number) widths.get("scroll")).longValue();
        assertTrue(scroll <= inner + 1, "no horizontal scrollbar at phone width: document scrollWidth " + scroll
                + " > innerWidth " + inner + " (screenshot " + SCREENSHOTS.resolve("05-phone-width.png") + ")");
        List<LogEntry> errors = severe(browser.printConsole());
        assertTrue(errors.isEmpty(), "no error in the browser's console of the large run: " + errors);
    }

    // --- the browser

    /** One Chromium with its own chromedriver, profile and accumulated console. */
    private static final class Browser implements AutoCloseable {
        final String name;
        final ChromeDriver driver;
        final ChromeDriverService service;
        final Path profile;
        final List<LogEntry> console = new ArrayList<>();
        private boolean closed;

        Browser(String name, ChromeDriver driver, ChromeDriverService service, Path profile) {
            this.name = name;
            this.driver = driver;
            this.service = service;
            this.profile = profile;
        }

        /** Waits for {@code condition} to answer non-null and non-false; fails naming {@code what}, with the console. */
        <T> T await(String what, Duration timeout, Function<ChromeDriver, T> condition) {
            WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
            wait.ignoring(org.openqa.selenium.NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
            try {
                return wait.until(ignored -> condition.apply(driver));
            } catch (TimeoutException timedOut) {
                throw new AssertionError("Waited " + timeout + " in the " + name + " browser for " + what + " at " + driver.getCurrentUrl()
                        + "; console so far:\n" + drainConsole().stream().map(ConsoleBrowserIT::format).collect(Collectors.joining("\n")),
                        timedOut);
            }
        }

        Object js(String script, Object... arguments) {
            return ((JavascriptExecutor) driver).executeScript(script, arguments);
        }

        /** The console entries so far (read once from the driver, which forgets them, and kept here). */
        List<LogEntry> drainConsole() {
            if (!closed) {
                console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
            }
            return console;
        }

        /** Prints every console entry so far; them. */
        List<LogEntry> printConsole() {
            List<LogEntry> entries = drainConsole();
            System.out.println("[console-it] browser console of " + name + " (" + entries.size() + " entries)");
            entries.forEach(entry -> System.out.println("[console-it]   " + format(entry)));
            return entries;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            try {
                drainConsole();
            } catch (RuntimeException gone) {
                // the browser died: nothing more to read
            }
            closed = true;
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                System.out.println("[console-it] quitting " + name + " failed: " + ignored);
            } finally {
                service.stop();
                deleteQuietly(profile);
            }
        }
    }

    /**
     * Starts Debian's Chromium through Debian's chromedriver: headless, a fresh profile under target/, the browser's
     * console kept, downloads into {@link #DOWNLOADS} without asking; nothing downloaded by Selenium.
     */
    private Browser browser(String name) {
        Path profile;
        try {
            profile = Files.createTempDirectory(BROWSER_HOME, name + "-profile-");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(BROWSER_HOME.resolve(profile.getFileName() + "-chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800", "--lang=en-US", "--user-data-dir=" + profile,
                // no name resolves but the gateway's loopback address: the browser cannot reach the internet by name
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("download.default_directory", DOWNLOADS.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("download.directory_upgrade", true);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException failed) {
            service.stop();
            throw failed;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        Browser browser = new Browser(name, driver, service, profile);
        browsers.add(browser);
        System.out.println("[console-it] browser " + name + ": " + driver.getCapabilities().getBrowserName() + " "
                + driver.getCapabilities().getBrowserVersion() + ", profile " + profile);
        return browser;
    }

    /** Removes a browser's profile (best effort: the chromedriver log beside it stays). */
    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a file still held: target/ is cleaned by the next mvn clean
        }
    }

    private static void signIn(Browser browser, String key) {
        WebElement input = browser.await("form#signin input#api-key", UI_WAIT, driver -> {
            WebElement field = driver.findElement(By.cssSelector("form#signin input#api-key"));
            return field.isDisplayed() ? field : null;
        });
        assertEquals("password", input.getAttribute("type"), "input#api-key is a password field");
        input.clear();
        input.sendKeys(key);
        browser.driver.findElement(By.id("signin-button")).click();
    }

    private static void awaitSignedIn(Browser browser) {
        browser.await("#app shown and form#signin hidden after signing in", UI_WAIT,
                driver -> driver.findElement(By.id("app")).isDisplayed() && !driver.findElement(By.id("signin")).isDisplayed());
        browser.await("#who naming the roles", UI_WAIT, driver -> !driver.findElement(By.id("who")).getText().isBlank());
        assertFalse(browser.driver.findElements(By.id("signout")).isEmpty(), "button#signout");
    }

    private static void awaitLoaded(Browser browser, Duration timeout) {
        browser.await("#customers-table[data-loaded=true]", timeout,
                driver -> "true".equals(driver.findElement(By.id("customers-table")).getAttribute("data-loaded")));
    }

    /** Sets an input's value by script and fires input and change (typing into a month input is unreliable headless). */
    private static void setValue(Browser browser, WebElement input, String value) {
        browser.js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    private static Set<String> runIds(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#runs-table tbody tr[data-run-id]")).stream()
                .map(row -> row.getAttribute("data-run-id")).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /**
     * The text of a run row's td.status (a failed run's reason may follow the status word), read in one script: the
     * page replaces a run's row at each event of its stream, so an element found before may be gone a moment later.
     */
    private static String statusOf(org.openqa.selenium.WebDriver driver, String row) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const cell = document.querySelector(arguments[0] + ' td.status'); return cell ? cell.innerText.trim() : null;", row);
        if (text == null) {
            throw new org.openqa.selenium.NoSuchElementException("no td.status in " + row);
        }
        return (String) text;
    }

    /** The first cell of each row of #customers-table's body. */
    private static List<String> customerNames(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#customers-table tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("td, th")))
                .filter(cells -> !cells.isEmpty())
                .map(cells -> cells.get(0).getText().trim())
                .toList();
    }

    /** A customer's name that fewer rows than all contain (case-insensitively): the most selective one. */
    private static String narrowingFilter(List<String> names) {
        String best = null;
        long bestCount = Long.MAX_VALUE;
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            long count = names.stream().filter(other -> other.toLowerCase(Locale.ROOT).contains(lower)).count();
            if (count < bestCount) {
                best = name;
                bestCount = count;
            }
        }
        assertTrue(best != null && bestCount < names.size(), "a customer's name narrows the rows: " + names);
        // mixed case on purpose: the filter is case-insensitive
        return best.toUpperCase(Locale.ROOT);
    }

    private static String screenshot(Browser browser, String file) {
        Path target = SCREENSHOTS.resolve(file);
        try {
            Path png = browser.driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(png);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        System.out.println("[console-it] screenshot " + target);
        return target.toString();
    }

    private static List<LogEntry> severe(List<LogEntry> entries) {
        return entries.stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    private static String format(LogEntry entry) {
        return entry.getLevel() + " " + entry.getMessage();
    }

    private static void clearDownloads() throws IOException {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * The one finished download, or null while Chromium is still at it: a hidden temporary file
     * ({@code .org.chromium.Chromium.*}) or a {@code .crdownload} is there, the file is empty, or it was renamed
     * between the listing and the look at its size.
     */
    private static Path finishedDownload() {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            List<Path> all = files.toList();
            if (all.isEmpty() || all.stream().map(file -> file.getFileName().toString())
                    .anyMatch(name -> name.startsWith(".") || name.endsWith(".crdownload"))) {
                return null;
            }
            Path file = all.get(0);
            return Files.size(file) > 0 ? file : null;
        } catch (NoSuchFileException renamed) {
            return null;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    // --- the gateways and the platform

    /** A packaged gateway on the loopback address with the fake writer's and reader's keys (prod profile). */
    private static PackagedGateway.Launcher launcher(String name) {
        return PackagedGateway.launcher(name)
                .env("GATEWAY_API_KEYS_CONSOLEWRITER_SHA256", sha256(WRITER_KEY))
                .env("GATEWAY_API_KEYS_CONSOLEWRITER_ROLES", "reports-reader,reports-writer")
                .env("GATEWAY_API_KEYS_CONSOLEREADER_SHA256", sha256(READER_KEY))
                .env("GATEWAY_API_KEYS_CONSOLEREADER_ROLES", "reports-reader")
                .property("quarkus.http.host", "127.0.0.1")
                .property("gateway.billing.poll-initial", "300ms")
                .property("gateway.billing.poll-max", "1s")
                .deadline(GATEWAY_DEADLINE);
    }

    /**
     * The platform for one run of {@link #TENANT} in {@link #LARGE_MONTH}: no report of the tenant before, the create
     * answers {@link #REPORT_ID}, its stored file is saved at once and downloads as {@code gzipReport}; delete 204.
     */
    private static void stubPlatform(byte[] gzipReport) {
        Upstream.reset(wireMock, "fake-access-token-console");
        YearMonth period = YearMonth.parse(LARGE_MONTH);
        String report = """
                {"id":"%s","version":1,"result_action":"save","recipients":[],
                 "parameters":{"kind":"usage_summary","tenant_id":"%s","level":"all_customers",
                   "period":{"start":"%s","end":"%s"},"formats":["csv_v2_0"],"hide_zero_usage":false,"show_skus":true},
                 "schedule":{"type":"once","enabled":true}}
                """.formatted(REPORT_ID, TENANT, period.atDay(1), period.atEndOfMonth());
        wireMock.stubFor(get(urlEqualTo(Upstream.tenantReportsPath(TENANT))).willReturn(Upstream.json(200, "{\"items\":[]}")));
        wireMock.stubFor(post(urlEqualTo(Upstream.REPORTS_PATH)).willReturn(Upstream.json(200, report)));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(Upstream.json(200, report)));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored")).willReturn(Upstream.json(200,
                "{\"items\":[{\"id\":\"" + STORED_ID + "\",\"report_format\":\"csv_v2_0\",\"created_at\":\"2026-11-01T00:00:00Z\","
                        + "\"status\":\"saved\"}]}")));
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID + "/stored/" + STORED_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(gzipReport)));
        wireMock.stubFor(delete(urlPathEqualTo("/api/2/reports/" + REPORT_ID)).willReturn(aResponse().withStatus(204)));
    }

    private static byte[] gzip(InputStream plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (plain; GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            plain.transferTo(out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return bytes.toByteArray();
    }

    private static HttpResponse<String> postRun(PackagedGateway gateway, String key, String body) {
        return send(HttpRequest.newBuilder(gateway.uri("/billing/runs")).timeout(Duration.ofSeconds(60))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Polls the run through the API until it is done, failed or cancelled; that status. */
    private static String awaitRunEnd(PackagedGateway gateway, String runId, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            HttpResponse<String> run = send(HttpRequest.newBuilder(gateway.uri("/billing/runs/" + runId)).timeout(Duration.ofSeconds(30))
                    .header("X-API-Key", WRITER_KEY).GET().build());
            last = run.statusCode() + " " + run.body();
            if (run.statusCode() == 200) {
                String status = io.restassured.path.json.JsonPath.from(run.body()).getString("status");
                if (List.of("done", "failed", "cancelled").contains(status)) {
                    return status;
                }
            }
            pause();
        }
        throw new AssertionError("Waited " + deadline + " for run " + runId + " to end; last answer: " + last
                + "; gateway log " + gateway.logFile());
    }

    /** The pause between two looks at a run through the API (a poll interval, not a timing assertion). */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
