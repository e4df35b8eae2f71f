package dev.reportgateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.TestKeys;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every error status the gateway answers, from the HTTP codec's limits to the platform's failures, is an RFC 9457
 * {@code application/problem+json} body whose {@code status} is the HTTP status. (The gateway never answers 429
 * itself: a platform 429 is retried, then a 502.)
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class ErrorStatusesTest extends UpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT_PATH = "/api/2/reports/" + REPORT_ID;
    /** Calls in the circuit breaker's window (gateway.upstream.circuit-breaker.request-volume-threshold). */
    private static final int CIRCUIT_WINDOW = 20;

    @TestHTTPResource("/")
    URL gateway;

    /** What a caller got back. */
    record Answer(int status, String contentType, String body) {
        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.contentType(), response.asString());
        }
    }

    /** One way to provoke {@code status}; {@code provoke} gets the upstream and the gateway's base URL. */
    record Case(int status, String situation, Function<Context, Answer> provoke) {
        @Override
        public String toString() {
            return status + " " + situation;
        }
    }

    record Context(WireMockServer upstream, URL gateway) {
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(400, "malformed JSON", c -> Answer.of(given().contentType("application/json").body("{")
                        .when().post("/api/2/reports"))),
                new Case(401, "no key", c -> withoutDefaultKey(() -> given().when().get(REPORT_PATH))),
                new Case(401, "no key, text/plain body", c -> withoutDefaultKey(() -> given().contentType("text/plain").body("x")
                        .when().post("/api/2/reports"))),
                new Case(401, "unknown key, text/plain body", c -> withoutDefaultKey(() -> given()
                        .header("X-API-Key", "unknown-key-not-a-secret").contentType("text/plain").body("x").when().post("/api/2/reports"))),
                new Case(403, "reader key creating", c -> withoutDefaultKey(() -> given().header("X-API-Key", TestKeys.READER)
                        .contentType("application/json").body(SeedReport.body(SeedReport.TENANT)).when().post("/api/2/reports"))),
                new Case(404, "unknown route", c -> Answer.of(given().when().get("/no-such-route"))),
                new Case(404, "unknown API route", c -> Answer.of(given().when().get("/api/2/no-such-route"))),
                new Case(404, "sandbox with a data center configured", c -> Answer.of(given().when().get("/sandbox/api/2/reports/" + REPORT_ID))),
                new Case(405, "unknown method", c -> Answer.of(given().when().patch(REPORT_PATH))),
                new Case(409, "stale version", c -> {
                    c.upstream().stubFor(delete(urlPathEqualTo(REPORT_PATH))
                            .willReturn(Upstream.json(409, Upstream.errorJson(1001, "Version mismatch"))));
                    return Answer.of(given().when().delete(REPORT_PATH + "?version=1"));
                }),
                new Case(413, "body over gateway.max-body-size", c -> Answer.of(given().contentType("application/json")
                        .body("{\"x\":\"" + "a".repeat(70 * 1024) + "\"}").when().post("/api/2/reports"))),
                new Case(413, "declared body over quarkus.http.limits.max-body-size", c -> raw(c.gateway(),
                        "POST /api/2/reports HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + TestKeys.ADMIN
                                + "\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n")),
                new Case(414, "URI too long", c -> Answer.of(given().when().get(REPORT_PATH + "/" + "a".repeat(5000)))),
                new Case(415, "text/plain body", c -> Answer.of(given().contentType("text/plain").body("x")
                        .when().post("/api/2/reports"))),
                new Case(422, "platform refused", c -> {
                    c.upstream().stubFor(post(urlEqualTo(Upstream.REPORTS_PATH))
                            .willReturn(Upstream.json(422, Upstream.errorJson(422, "Unprocessable"))));
                    return Answer.of(given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                            .when().post("/api/2/reports"));
                }),
                new Case(431, "headers too large", c -> Answer.of(given().header("X-Filler", "a".repeat(25_000))
                        .when().get(REPORT_PATH))),
                new Case(500, "an Error in a resource", c -> Answer.of(given().when().get("/test-only/out-of-memory"))),
                new Case(502, "platform failed", c -> {
                    c.upstream().stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(500, Upstream.errorJson(500, "down"))));
                    return Answer.of(given().when().get(REPORT_PATH));
                }),
                new Case(503, "circuit open", c -> {
                    c.upstream().stubFor(get(urlEqualTo(REPORT_PATH)).willReturn(Upstream.json(500, Upstream.errorJson(500, "down"))));
                    for (int i = 0; i < CIRCUIT_WINDOW; i++) {
                        given().when().get(REPORT_PATH).then().statusCode(502);
                    }
                    return Answer.of(given().when().get(REPORT_PATH));
                }),
                new Case(504, "platform too slow", c -> {
                    c.upstream().stubFor(get(urlEqualTo(REPORT_PATH))
                            .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT)).withFixedDelay(3000)));
                    return Answer.of(given().when().get(REPORT_PATH));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyErrorIsAProblem(Case error) throws IOException {
        Answer answer = error.provoke().apply(new Context(wireMock, gateway));

        assertEquals(error.status(), answer.status(), () -> "status; body: " + answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith(Problem.MEDIA_TYPE),
                () -> "content type " + answer.contentType() + "; body: " + answer.body());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(error.status(), problem.path("status").asInt(), answer.body());
        assertTrue(problem.path("type").asText().startsWith("urn:report-gateway:problem:"), answer.body());
        assertFalse(problem.path("title").asText().isBlank(), answer.body());
    }

    @Test
    void anErrorNamesNoInternals() {
        String body = given().when().get("/test-only/out-of-memory").then().statusCode(500).extract().asString();

        assertFalse(body.contains(OutOfMemoryTestResource.MESSAGE), body);
        assertFalse(body.contains("OutOfMemoryError") || body.contains("java.") || body.contains("dev.reportgateway"), body);
    }

    private static Answer withoutDefaultKey(Supplier<Response> request) {
        TestKeys.clearDefault();
        return Answer.of(request.get());
    }

    /**
     * Sends {@code head} as is and reads the answer until the gateway closes the connection: for a request an HTTP
     * client will not send as it is (a body announced but never sent). The socket timeout only guards against a hang.
     */
    private static Answer raw(URL gateway, String head) {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = answer.split("\r\n\r\n", 2);
            int status = Integer.parseInt(parts[0].split(" ")[1]);
            String contentType = parts[0].lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse(null);
            return new Answer(status, contentType, parts.length > 1 ? parts[1] : "");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
