package dev.reportgateway.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks requests sent to, and responses received from, the upstream against the project's own copy of the
 * Acronis contract ({@value #SPEC_RESOURCE} on the test classpath).
 *
 * <p>Paths are full request paths: {@code /api/2/reports/...} (as WireMock records them) or
 * {@code /sandbox/api/2/reports/...} (the embedded simulator); a leading {@value #SANDBOX_PREFIX} is stripped.
 *
 * <p>Validator notes (swagger-request-validator-core 2.46.1):
 * <ul>
 *   <li>With {@code validation.schema.additionalProperties} at any level other than IGNORE (the default is
 *       ERROR) the validator injects {@code additionalProperties: false} into every schema that has
 *       {@code properties} and no explicit {@code additionalProperties}. So unknown fields anywhere (e.g.
 *       {@code parameters.show_sku}) are errors, in requests and responses alike. This is kept on purpose:
 *       both what we send and what our fakes answer must match the contract exactly.</li>
 *   <li>The level resolver is built explicitly (not from a {@code .swagger-validator} file on the classpath),
 *       so a stray config file cannot weaken the checks.</li>
 * </ul>
 */
public final class UpstreamContract {

    public static final String SPEC_RESOURCE = "contract/acronis-upstream.yml";
    public static final String BASE_PATH = "/api/2";
    public static final String SANDBOX_PREFIX = "/sandbox";

    private static final OpenApiInteractionValidator VALIDATOR = build();

    private UpstreamContract() {
    }

    private static OpenApiInteractionValidator build() {
        String spec;
        try (InputStream in = UpstreamContract.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Contract not on the test classpath: " + SPEC_RESOURCE);
            }
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LevelResolver levels = LevelResolver.create()
                .withDefaultLevel(ValidationReport.Level.ERROR)
                // Explicit: keeps the injection of additionalProperties:false described above.
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                .build();
        return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withBasePathOverride(BASE_PATH)
                .withStrictOperationPathMatching()
                .withLevelResolver(levels)
                .build();
    }

    // ---------------------------------------------------------------------------------------------- requests

    /** Validates a request; {@code path} may carry a query string, merged with {@code query}. */
    public static ValidationReport validateRequest(String method, String path, Map<String, String> query,
            Map<String, String> headers, String body) {
        String[] pathAndQuery = splitQuery(path);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT),
                stripSandbox(pathAndQuery[0]));
        parseQuery(pathAndQuery[1]).forEach(builder::withQueryParam);
        if (query != null) {
            query.forEach(builder::withQueryParam);
        }
        if (headers != null) {
            headers.forEach(builder::withHeader);
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return VALIDATOR.validateRequest(builder.build());
    }

    public static void assertValidRequest(String method, String path, Map<String, String> query,
            Map<String, String> headers, String body) {
        assertNoErrors("Request " + method + " " + path, validateRequest(method, path, query, headers, body));
    }

    /** Validates a request recorded by WireMock (method, path, query, every header value, body). */
    public static ValidationReport validateRequest(LoggedRequest recorded) {
        String[] pathAndQuery = splitQuery(recorded.getUrl());
        SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.getMethod().getName(),
                stripSandbox(pathAndQuery[0]));
        for (Map.Entry<String, QueryParameter> q : recorded.getQueryParams().entrySet()) {
            builder.withQueryParam(q.getKey(), q.getValue().values());
        }
        for (HttpHeader h : recorded.getHeaders().all()) {
            builder.withHeader(h.key(), h.values());
        }
        String body = recorded.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return VALIDATOR.validateRequest(builder.build());
    }

    public static void assertValidRequest(LoggedRequest recorded) {
        assertNoErrors("Request " + recorded.getMethod().getName() + " " + recorded.getUrl(),
                validateRequest(recorded));
    }

    // --------------------------------------------------------------------------------------------- responses

    public static ValidationReport validateResponse(String method, String path, int status, String contentType,
            String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return VALIDATOR.validateResponse(stripSandbox(splitQuery(path)[0]),
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), builder.build());
    }

    public static void assertValidResponse(String method, String path, int status, String contentType,
            String body) {
        assertNoErrors("Response " + status + " to " + method + " " + path,
                validateResponse(method, path, status, contentType, body));
    }

    // --------------------------------------------------------------------------------------------- internals

    /** Throws an AssertionError listing every message of the report if it holds an error. */
    public static void assertNoErrors(String what, ValidationReport report) {
        if (report.hasErrors()) {
            throw new AssertionError(what + " breaks the upstream contract (" + SPEC_RESOURCE + "):\n"
                    + describe(report));
        }
    }

    /** One line per message: level, key, text, context. */
    public static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .map(m -> "  - [" + m.getLevel() + "] " + m.getKey() + ": " + m.getMessage()
                        + m.getContext().map(c -> "  (" + c.getRequestMethod().map(Object::toString).orElse("")
                                + " " + c.getRequestPath().orElse("")
                                + c.getResponseStatus().map(s -> " -> " + s).orElse("") + ")")
                                .orElse("")
                        + (m.getAdditionalInfo().isEmpty() ? "" : "\n      " + String.join("\n      ",
                                m.getAdditionalInfo()))
                        + m.getNestedMessages().stream()
                                .map(n -> "\n      * " + n.getKey() + ": " + n.getMessage())
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    static String stripSandbox(String path) {
        if (path.equals(SANDBOX_PREFIX) || path.startsWith(SANDBOX_PREFIX + "/")) {
            return path.substring(SANDBOX_PREFIX.length());
        }
        return path;
    }

    private static String[] splitQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? new String[] {url, ""} : new String[] {url.substring(0, q), url.substring(q + 1)};
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        }
        return params;
    }
}
