package dev.reportgateway.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.reportgateway.store.PackagedGateway;
import dev.reportgateway.upstream.WireMockUpstream;
import io.restassured.path.json.JsonPath;

/** Calls of the packaged gateway's API by the ITs: a fake API key, real mode against WireMock, and waits on runs. */
final class PackagedRuns {

    /** An obviously fake API key with both roles; the gateway gets its SHA-256 only. */
    static final String KEY = "its-fake-api-key-not-a-secret";
    /** How long any wait may take: CI machines are slow. */
    static final Duration DEADLINE = Duration.ofMinutes(2);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PackagedRuns() {
    }

    /** A launcher of the jar (prod profile) with the fake key; in real mode against {@code upstream} if it is not null. */
    static PackagedGateway.Launcher launcher(String name, WireMockServer upstream) {
        PackagedGateway.Launcher launcher = PackagedGateway.launcher(name)
                .env("GATEWAY_API_KEYS_IT_SHA256", sha256(KEY))
                .env("GATEWAY_API_KEYS_IT_ROLES", "reports-reader,reports-writer")
                .property("quarkus.http.host", "127.0.0.1")
                .property("gateway.billing.poll-initial", "200ms")
                .property("gateway.billing.poll-max", "500ms")
                .deadline(DEADLINE);
        if (upstream != null) {
            launcher.property("acronis.url", "http://127.0.0.1:" + upstream.port())
                    .property("acronis.client-id", WireMockUpstream.CLIENT_ID)
                    .env("ACRONIS_CLIENT_SECRET", WireMockUpstream.CLIENT_SECRET)
                    .property("gateway.upstream.retry-delay", "100ms");
        }
        return launcher;
    }

    /** A request with the fake key. */
    static HttpRequest.Builder request(PackagedGateway gateway, String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(60)).header("X-API-Key", KEY);
    }

    /** A JSON POST with the given extra headers (name, value, ...). */
    static HttpResponse<String> post(PackagedGateway gateway, String path, String body, String... headers) {
        HttpRequest.Builder request = request(gateway, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET answered 200, as JSON. */
    static JsonPath getJson(PackagedGateway gateway, String path) {
        HttpResponse<String> response = send(request(gateway, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonPath(response.body());
    }

    /** Starts a run of {@code month} for {@code tenant}; its id. */
    static String startRun(PackagedGateway gateway, String month, String tenant) {
        String body = tenant == null ? "{\"month\":\"" + month + "\"}" : "{\"month\":\"" + month + "\",\"tenant_id\":\"" + tenant + "\"}";
        HttpResponse<String> response = post(gateway, "/billing/runs", body);
        if (response.statusCode() != 202) {
            throw new AssertionError("POST /billing/runs answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonPath(response.body()).getString("id");
    }

    /** Asks for the run until {@code condition} holds; fails with the last answer and the log's place after the deadline. */
    static JsonPath awaitRun(PackagedGateway gateway, String runId, String what, Predicate<JsonPath> condition) {
        return awaitRun(gateway, runId, what, DEADLINE, condition);
    }

    /** {@link #awaitRun(PackagedGateway, String, String, Predicate)} with its own deadline, for a long stage. */
    static JsonPath awaitRun(PackagedGateway gateway, String runId, String what, Duration deadline, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await(what + " of run " + runId, deadline, () -> {
            last[0] = getJson(gateway, "/billing/runs/" + runId);
            return condition.test(last[0]);
        }, () -> (last[0] == null ? "no answer" : last[0].prettify()) + "\ngateway log: " + gateway.logFile());
        return last[0];
    }

    /** The run once it has {@code status}. */
    static JsonPath awaitStatus(PackagedGateway gateway, String runId, String status) {
        return awaitStatus(gateway, runId, status, DEADLINE);
    }

    /** The run once it has {@code status}, waiting at most {@code deadline}. */
    static JsonPath awaitStatus(PackagedGateway gateway, String runId, String status, Duration deadline) {
        return awaitRun(gateway, runId, "status " + status, deadline, run -> status.equals(run.getString("status")));
    }

    /** Polls {@code condition} until it holds; fails after {@link #DEADLINE}, naming what it waited for. */
    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        await(what, DEADLINE, condition, state);
    }

    /** Polls {@code condition} until it holds; fails after {@code deadline}, naming what it waited for. */
    static void await(String what, Duration deadline, BooleanSupplier condition, Supplier<String> state) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited " + deadline + " for " + what + "; last: " + state.get());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(25);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }

    /** The number of usage rows of a done run, counted in its CSV (one line per row after the header). */
    static long usageRows(PackagedGateway gateway, String runId) {
        HttpResponse<InputStream> response = send(request(gateway, "/billing/runs/" + runId + "/usage").header("Accept", "text/csv")
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new AssertionError("GET usage of " + runId + " answered " + response.statusCode());
            }
            return csv.lines().filter(line -> !line.isEmpty()).count() - 1;
        } catch (IOException failed) {
            throw new AssertionError(failed);
        }
    }

    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException failed) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
