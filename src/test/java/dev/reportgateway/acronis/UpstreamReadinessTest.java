package dev.reportgateway.acronis;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Readiness against a real-mode upstream: DOWN (503) while the platform refuses to issue a token, with the mode
 * and data center but no credential in the answer; the last answer is repeated for the readiness interval
 * (no new token request), and the check is UP once the interval has passed and the platform issues tokens again.
 */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class UpstreamReadinessTest extends UpstreamTest {

    private static final String CHECK = "checks.find { it.name == 'acronis-platform' }";

    @Test
    void downWhileTokensAreRefusedThenUpAfterTheInterval() {
        wireMock.stubFor(post(urlPathEqualTo(Upstream.TOKEN_PATH)).willReturn(
                Upstream.json(401, "{\"error\":\"access_denied\",\"error_description\":\"bad client credentials\"}")));
        waitOneInterval(); // whatever an earlier check answered has expired

        String down = given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.mode", equalTo("upstream"))
                .body(CHECK + ".data.data_center", equalTo("127.0.0.1"))
                .body(CHECK + ".data.reason", equalTo("the platform refused to issue a token for the configured API client"))
                .extract().asString();
        assertEquals(1, Upstream.tokenRequests(wireMock));
        for (String secret : new String[] { WireMockUpstream.CLIENT_SECRET, WireMockUpstream.CLIENT_ID, Upstream.BASIC_AUTH,
                "access_denied", TOKEN }) {
            assertFalse(down.contains(secret), "readiness answer shows " + secret);
        }

        Upstream.reset(wireMock, TOKEN);
        given().when().get("/q/health/ready").then().statusCode(503);
        assertEquals(0, Upstream.tokenRequests(wireMock), "within the interval the last answer is repeated");

        waitOneInterval();
        String up = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.mode", equalTo("upstream"))
                .extract().asString();
        assertEquals(1, Upstream.tokenRequests(wireMock));
        assertFalse(up.contains(TOKEN), "readiness answer shows the token");
    }

    /** Lets one readiness interval pass on the application's clock. */
    private void waitOneInterval() {
        clock.advance(WireMockUpstream.READINESS_INTERVAL);
    }
}
