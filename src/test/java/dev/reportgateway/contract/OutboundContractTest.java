package dev.reportgateway.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.reportgateway.upstream.SeedReport;
import dev.reportgateway.upstream.Upstream;
import dev.reportgateway.upstream.UpstreamTest;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every request the gateway sends upstream — token, client lookup, create, fetch, delete — obeys the platform's contract. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class OutboundContractTest extends UpstreamTest {

    @BeforeEach
    void stubReports() {
        Upstream.stubCreated(wireMock, REPORT_ID);
        wireMock.stubFor(get(urlEqualTo("/api/2/reports/" + REPORT_ID))
                .willReturn(Upstream.json(200, Upstream.reportJson(REPORT_ID, 1, SeedReport.TENANT))));
        wireMock.stubFor(delete(urlPathMatching("/api/2/reports/.*")).willReturn(noContent()));
    }

    @Test
    void everyOutboundRequestValidatesAgainstTheContract() {
        given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports").then().statusCode(200);
        given().contentType("application/json").body("""
                {"result_action":"save","parameters":{"kind":"usage_current","level":"direct_partners",
                 "formats":["json_v2_0"],"show_skus":"true"},"schedule":{"type":"monthly","enabled":"false"}}
                """)
                .when().post("/api/2/reports").then().statusCode(200);
        given().when().get("/api/2/reports/" + REPORT_ID).then().statusCode(200);
        given().when().delete("/api/2/reports/" + REPORT_ID + "?version=1").then().statusCode(204);

        List<ServeEvent> sent = wireMock.getAllServeEvents();
        assertEquals(List.of("DELETE /api/2/reports/" + REPORT_ID + "?version=1", "GET /api/2/reports/" + REPORT_ID,
                "POST /api/2/reports", "GET /api/2/clients/" + WireMockUpstream.CLIENT_ID, "POST /api/2/reports",
                "POST /api/2/idp/token"),
                sent.stream().map(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl()).toList());
        sent.forEach(event -> UpstreamContract.assertValidRequest(event.getRequest()));
    }
}
