package dev.reportgateway.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}, built by {@code ./mvnw package}) as a process of
 * its own, for failsafe ITs: started with environment variables and system properties, on a random port, its
 * output kept in {@code target/packaged-gateway/<name>-<id>-<start>.log}; stopped with SIGTERM or killed with SIGKILL.
 * <p>
 * A {@link Launcher} starts one gateway as often as asked, on the same data directory (its own,
 * {@code target/packaged-gateway/<name>-<id>-data}, unless {@code gateway.data-dir} is given): kill it, start it again.
 * <pre>
 * PackagedGateway.Launcher launcher = PackagedGateway.launcher("pg").env("GATEWAY_DATABASE_URL", url);
 * try (PackagedGateway gateway = launcher.start()) {      // listening and ready
 *     gateway.uri("/q/health/ready"); gateway.kill();
 * }
 * </pre>
 * It runs the prod profile: API keys and the like come as properties or environment variables (its log names a
 * development key in sandbox mode). Every wait has a deadline ({@link Launcher#deadline}, 3 minutes by default, for a
 * loaded build machine); a failed wait tells the end of the log. Processes still running when the JVM exits are killed.
 */
public final class PackagedGateway implements AutoCloseable {

    /** The packaged application. */
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    private static final Path HOME = Path.of("target", "packaged-gateway").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^:/\\s]+:(\\d+)");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "packaged-gateway-kill"));
    }

    private final Process process;
    private final Path logFile;
    private final Duration deadline;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded;
    private int port;

    /** How to start one gateway: its name, environment, system properties and data directory. */
    public static final class Launcher {
        private final String id;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration deadline = Duration.ofMinutes(3);
        private int starts;

        private Launcher(String name) {
            this.id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            properties.put("quarkus.http.port", "0");
            properties.put("gateway.data-dir", HOME.resolve(id + "-data").toString());
        }

        /** Sets an environment variable of the process, on top of this JVM's environment. */
        public Launcher env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /** Sets a system property ({@code -Dkey=value}); {@code quarkus.http.port=0} and {@code gateway.data-dir} are set already. */
        public Launcher property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** How long each wait may take before it fails. */
        public Launcher deadline(Duration value) {
            deadline = value;
            return this;
        }

        /** The data directory every start of this launcher uses. */
        public Path dataDir() {
            return Path.of(properties.get("gateway.data-dir"));
        }

        /** Starts the process and returns at once: for a start that is meant to fail, or to watch its log. */
        public synchronized PackagedGateway launch() {
            if (!Files.isRegularFile(JAR)) {
                throw new IllegalStateException("No " + JAR + ": run ./mvnw package (failsafe ITs run after it)");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(JAR.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of(isWindows() ? "NUL" : "/dev/null").toFile()));
            builder.environment().putAll(environment);
            try {
                Files.createDirectories(HOME);
                Path log = HOME.resolve(id + "-" + ++starts + ".log");
                return new PackagedGateway(builder.start(), log, deadline);
            } catch (IOException failed) {
                throw new UncheckedIOException("Cannot start " + JAR, failed);
            }
        }

        /** Starts the process and waits until it listens and {@code /q/health/ready} answers UP. */
        public PackagedGateway start() {
            PackagedGateway gateway = launch();
            try {
                gateway.awaitListening();
                gateway.awaitReady();
                return gateway;
            } catch (RuntimeException | AssertionError failed) {
                gateway.kill();
                throw failed;
            }
        }
    }

    private PackagedGateway(Process process, Path logFile, Duration deadline) throws IOException {
        this.process = process;
        this.logFile = logFile;
        this.deadline = deadline;
        RUNNING.add(process);
        BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> pump(log), "packaged-gateway-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** A launcher of a gateway named {@code name} (in its log file's and data directory's names). */
    public static Launcher launcher(String name) {
        return new Launcher(name);
    }

    /** Waits for the "Listening on" line; the port it names. */
    public int awaitListening() {
        Matcher listening = LISTENING.matcher(awaitLine(line -> LISTENING.matcher(line).find(), "Listening on"));
        listening.find();
        int listeningPort = Integer.parseInt(listening.group(1));
        synchronized (this) {
            port = listeningPort;
        }
        return listeningPort;
    }

    /** Waits until {@code /q/health/ready} answers 200 with status UP. */
    public void awaitReady() {
        long end = System.nanoTime() + deadline.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = ready.statusCode() + " " + ready.body();
                if (ready.statusCode() == 200 && ready.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", interrupted);
            }
            if (exitedWithin(Duration.ofMillis(200))) {
                throw failure("exited with " + process.exitValue() + " before it was ready");
            }
        }
        throw failure("not ready within " + deadline + " (last answer: " + last + ")");
    }

    /** Waits for a log line containing {@code text}; that line. */
    public String awaitLog(String text) {
        return awaitLine(line -> line.contains(text), text);
    }

    /** The port from the "Listening on" line ({@link #awaitListening()} first). */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("awaitListening() first");
        }
        return port;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The output so far. */
    public synchronized String log() {
        return String.join("\n", lines);
    }

    /** Where the output is kept. */
    public Path logFile() {
        return logFile;
    }

    /** The process, for its pid or to wait on it. */
    public Process process() {
        return process;
    }

    /**
     * Stops the gateway with SIGTERM (a graceful shutdown) and waits for it; its exit code. (Through its
     * {@link ProcessHandle}: {@link Process#destroy()} would also close the pipe and lose the shutdown's log.)
     */
    public int stop() {
        process.toHandle().destroy();
        return awaitExit();
    }

    /** Kills the gateway with SIGKILL (kill -9: no shutdown hook runs) and waits for it; its exit code. */
    public int kill() {
        process.toHandle().destroyForcibly();
        return awaitExit();
    }

    /** Waits for the process to end on its own (a start that fails); its exit code. */
    public int awaitExit() {
        if (!exitedWithin(deadline)) {
            throw failure("still running after " + deadline);
        }
        awaitOutputEnd();
        RUNNING.remove(process);
        return process.exitValue();
    }

    /** Kills the gateway if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        RUNNING.remove(process);
    }

    private String awaitLine(Predicate<String> wanted, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        int seen = 0;
        synchronized (this) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                if (outputEnded) {
                    throw failure("ended its output without " + what);
                }
                waitForOutput(end, what);
            }
        }
    }

    private synchronized void awaitOutputEnd() {
        long end = System.nanoTime() + deadline.toNanos();
        while (!outputEnded) {
            waitForOutput(end, "end of its output");
        }
    }

    /** Waits (holding this monitor) until the output grows or ends, or fails at {@code end}. */
    private void waitForOutput(long end, String what) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw failure("no " + what + " within " + deadline);
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", interrupted);
        }
    }

    private void pump(BufferedWriter log) {
        try (log; BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                log.write(line);
                log.newLine();
                log.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException ended) {
            // the process is gone: what it wrote is in the log
        } finally {
            synchronized (this) {
                outputEnded = true;
                notifyAll();
            }
        }
    }

    private boolean exitedWithin(Duration wait) {
        try {
            return process.waitFor(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", interrupted);
        }
    }

    private AssertionError failure(String what) {
        List<String> tail;
        synchronized (this) {
            tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        return new AssertionError("The packaged gateway (pid " + process.pid() + ") " + what + "; its log: " + logFile
                + "\n" + String.join("\n", tail));
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }
}
