package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.reportgateway.contract.UpstreamContract;
import dev.reportgateway.upstream.KeyedTest;
import dev.reportgateway.upstream.SeedReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The gateway in its default mode, with no Acronis URL: the embedded sandbox is its upstream, reached over
 * HTTP with client credentials, and the platform's own example works through it unchanged.
 */
@QuarkusTest
public class SandboxGatewayTest extends KeyedTest {

    private final String sandboxTenant = ConfigProvider.getConfig().getValue("acronis.sandbox.tenant-id", String.class);
    private final String sandboxClient = ConfigProvider.getConfig().getValue("acronis.sandbox.client-id", String.class);
    private final String sandboxSecret = ConfigProvider.getConfig().getValue("acronis.sandbox.client-secret", String.class);

    @Test
    void seedReportLifecycle() {
        Response created = given().contentType("application/json").body(SeedReport.body(SeedReport.TENANT))
                .when().post("/api/2/reports")
                .then().statusCode(200)
                .body("id", notNullValue())
                .body("version", is(1))
                .body("result_action", equalTo("send"))
                .body("parameters.tenant_id", equalTo(SeedReport.TENANT))
                .body("parameters.show_skus", is(true))
                .body("parameters.hide_zero_usage", is(true))
                .body("parameters.formats", org.hamcrest.Matchers.contains("csv", "html"))
                .body("schedule.type", equalTo("once"))
                .body("generation_date", equalTo("2017-05-08"))
                .extract().response();
        String id = created.path("id");

        given().when().get("/api/2/reports/" + id).then().statusCode(200).body("version", is(1));
        given().when().delete("/api/2/reports/" + id + "?version=2")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Version mismatch"))
                .body("upstream.status", is(409))
                .body("upstream.code", is(1001));
        given().when().delete("/api/2/reports/" + id + "?version=1").then().statusCode(204);
        given().when().delete("/api/2/reports/" + id + "?version=1")
                .then().statusCode(404).contentType("application/problem+json").body("upstream.status", is(404));
        given().when().get("/api/2/reports/" + id).then().statusCode(404);
    }

    @Test
    void tenantDefaultsToTheApiClientsOwn() {
        given().contentType("application/json").body("""
                {"result_action":"save","parameters":{"kind":"usage_current","level":"accounts","formats":["csv_v2_0"]},
                 "schedule":{"type":"once"}}
                """)
                .when().post("/api/2/reports")
                .then().statusCode(200)
                .body("parameters.tenant_id", equalTo(sandboxTenant))
                .body("recipients.size()", is(0));
    }

    @Test
    void sandboxAnswersObeyThePlatformContract() {
        String token = given().auth().preemptive().basic(sandboxClient, sandboxSecret)
                .formParam("grant_type", "client_credentials")
                .when().post("/sandbox/api/2/idp/token")
                .then().statusCode(200).extract().path("access_token");

        Response created = given().auth().oauth2(token).contentType("application/json").body(SeedReport.body(sandboxTenant))
                .when().post("/sandbox/api/2/reports");
        assertContract("POST", "/sandbox/api/2/reports", created);
        String id = created.path("id");
        assertContract("GET", "/sandbox/api/2/reports/" + id,
                given().auth().oauth2(token).when().get("/sandbox/api/2/reports/" + id));
        assertContract("GET", "/sandbox/api/2/clients/" + sandboxClient,
                given().auth().oauth2(token).when().get("/sandbox/api/2/clients/" + sandboxClient));
        assertContract("GET", "/sandbox/api/2/tenants/" + sandboxTenant + "/offering_items",
                given().auth().oauth2(token).when().get("/sandbox/api/2/tenants/" + sandboxTenant + "/offering_items"));
        assertContract("DELETE", "/sandbox/api/2/reports/" + id,
                given().auth().oauth2(token).when().delete("/sandbox/api/2/reports/" + id + "?version=7"));
        assertContract("DELETE", "/sandbox/api/2/reports/" + id,
                given().auth().oauth2(token).when().delete("/sandbox/api/2/reports/" + id + "?version=1"));
        assertContract("POST", "/sandbox/api/2/reports", given().auth().oauth2(token).contentType("application/json")
                .body("{\"result_action\":\"email\"}").when().post("/sandbox/api/2/reports"));
    }

    private static void assertContract(String method, String path, Response response) {
        String contentType = response.contentType().isEmpty() ? null : response.contentType();
        UpstreamContract.assertValidResponse(method, path, response.statusCode(), contentType, response.asString());
    }
}
