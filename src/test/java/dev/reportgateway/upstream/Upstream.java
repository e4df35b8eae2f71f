package dev.reportgateway.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** Stubs and counts of the stand-in platform, shared by the WireMock-backed tests. */
public final class Upstream {

    public static final String TOKEN_PATH = "/api/2/idp/token";
    public static final String REPORTS_PATH = "/api/2/reports";
    /** The tenant the fake API client belongs to ({@code GET /clients/{id}}). */
    public static final String CLIENT_TENANT = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public static final String BASIC_AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (WireMockUpstream.CLIENT_ID + ":" + WireMockUpstream.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    private Upstream() {
    }

    /** Resets the stand-in and stubs a token endpoint issuing {@code token} for two hours, and the client lookup. */
    public static void reset(WireMockServer wireMock, String token) {
        wireMock.resetAll();
        stubToken(wireMock, token, Instant.now().plusSeconds(7200).getEpochSecond());
        wireMock.stubFor(get(urlPathEqualTo("/api/2/clients/" + WireMockUpstream.CLIENT_ID))
                .willReturn(json(200, "{\"client_id\":\"" + WireMockUpstream.CLIENT_ID + "\",\"tenant_id\":\"" + CLIENT_TENANT
                        + "\",\"type\":\"api_client\",\"status\":\"enabled\"}")));
    }

    /**
     * The platform answers every create with the seed's report, id {@code reportId}, version 1, and lists no report
     * for the seed's tenant (what a keyed create asks first).
     */
    public static void stubCreated(WireMockServer wireMock, String reportId) {
        wireMock.stubFor(post(urlEqualTo(REPORTS_PATH)).willReturn(json(200, reportJson(reportId, 1, SeedReport.TENANT))));
        wireMock.stubFor(get(urlEqualTo(tenantReportsPath(SeedReport.TENANT))).willReturn(json(200, "{\"items\":[]}")));
    }

    /** {@code GET /tenants/{tenant_id}/reports}. */
    public static String tenantReportsPath(String tenant) {
        return "/api/2/tenants/" + tenant + "/reports";
    }

    public static void stubToken(WireMockServer wireMock, String token, long expiresOn) {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .willReturn(json(200, tokenJson(token, expiresOn))));
    }

    public static String tokenJson(String token, long expiresOn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_on\":" + expiresOn
                + ",\"id_token\":\"fake-id-token\"}";
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * Polls until the platform has received a request matching {@code pattern} (it may still be answering it);
     * fails after ten seconds.
     */
    public static void awaitRequest(WireMockServer wireMock, RequestPatternBuilder pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (wireMock.countRequestsMatching(pattern.build()).getCount() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the platform never received " + pattern.build());
            }
            Thread.sleep(10);
        }
    }

    public static int tokenRequests(WireMockServer wireMock) {
        return wireMock.countRequestsMatching(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build()).getCount();
    }

    /** A report as the platform answers a create of the seed body. */
    public static String reportJson(String id, int version, String tenant) {
        return """
                {"id":"%s","version":%d,"result_action":"send",
                 "recipients":["ca451758-b48a-45d9-9ae6-8f1059f67619","ab00e527-219b-481b-b01b-311b5be0ed3c"],
                 "parameters":{"kind":"usage_summary","tenant_id":"%s","level":"accounts",
                   "period":{"start":"2017-05-01","end":"2017-05-07"},"formats":["csv","html"],
                   "hide_zero_usage":true,"show_skus":true},
                 "schedule":{"type":"once","enabled":true},"generation_date":"2017-05-08"}
                """.formatted(id, version, tenant);
    }

    /** The platform's errorScheme body. */
    public static String errorJson(Object code, String message) {
        String codeJson = code instanceof String ? "\"" + code + "\"" : String.valueOf(code);
        return "{\"error\":{\"code\":" + codeJson + ",\"message\":\"" + message
                + "\",\"domain\":\"PlatformAccountServer\",\"details\":{\"info\":null}}}";
    }
}
