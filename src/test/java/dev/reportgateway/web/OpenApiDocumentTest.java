package dev.reportgateway.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.upstream.SeedReport;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /q/openapi} describes every route of both surfaces, its errors, examples and security, and not the sandbox. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        if (document != null) {
            return;
        }
        String body = given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), body);
        document = JSON.readTree(body);
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
            "/api/2/reports, post",
            "/api/2/reports/{report_id}, get",
            "/api/2/reports/{report_id}, put",
            "/api/2/reports/{report_id}, delete",
            "/api/2/tenants/{tenant_id}/reports, get",
            "/api/2/reports/{report_id}/stored, get",
            "/api/2/reports/{report_id}/stored/{stored_report_id}, get",
            "/billing/reports/{report_id}/stored/{stored_report_id}/usage, get" })
    void everyRouteIsDescribedWithItsErrorsAndSecurity(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertTrue(operation.isObject(), method + " " + path + " is missing");
        assertFalse(operation.path("summary").asText().isBlank(), "summary");
        assertTrue(operation.path("description").asText().contains("reports-"), "description names the role");
        assertEquals(1, operation.path("tags").size(), "one tag");

        JsonNode responses = operation.path("responses");
        assertTrue(responses.has("200") || responses.has("204"), "success response");
        for (String status : List.of("400", "401", "403", "404", "502", "503", "504")) {
            assertEquals(PROBLEM_REF, problemSchemaRef(responses.path(status)), status + " of " + method + " " + path);
        }
        List<String> schemes = new ArrayList<>();
        operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
        assertEquals(List.of("gatewayBearer", "gatewayApiKey"), schemes);
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
            "/billing/runs, post, 202",
            "/billing/runs, get, 200",
            "/billing/runs/{run_id}, get, 200",
            "/billing/runs/{run_id}, delete, 204",
            "/billing/runs/{run_id}/events, get, 200",
            "/billing/runs/{run_id}/usage, get, 200",
            "/billing/runs/{run_id}/customers, get, 200" })
    void everyBillingRunRouteIsDescribedWithItsErrorsAndSecurity(String path, String method, String success) {
        billingRoute(path, method, success, "Billing runs");
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
            "/billing/runs/{run_id}/invoice, get, 200",
            "/billing/price-lists, get, 200",
            "/billing/price-lists/{name}, put, 201",
            "/billing/price-lists/{name}, get, 200",
            "/billing/price-lists/{name}, delete, 204",
            "/billing/customers, put, 200",
            "/billing/customers, get, 200" })
    void everyInvoiceRouteIsDescribedWithItsErrorsAndSecurity(String path, String method, String success) {
        billingRoute(path, method, success, "Invoices");
        if (path.contains("{name}") && !method.equals("put")) {
            assertTrue(document.path("paths").path(path).path(method).path("responses").has("404"), "404 of " + method + " " + path);
        }
    }

    @Test
    void theCallerRouteIsDescribed() {
        JsonNode operation = document.path("paths").path("/billing/caller").path("get");
        assertEquals("Console", operation.path("tags").path(0).asText());
        assertTrue(operation.path("description").asText().contains("reports-"), "description names the roles");
        for (String status : List.of("401", "403")) {
            assertEquals(PROBLEM_REF, problemSchemaRef(operation.path("responses").path(status)), status);
        }
        assertTrue(operation.path("responses").has("200"));
    }

    @Test
    void theInvoiceAndPriceListSchemasAreDescribed() {
        JsonNode schemas = document.path("components").path("schemas");
        for (String field : List.of("run_id", "price_list", "rounding", "customers", "totals", "unpriced")) {
            assertFalse(schemas.path("Invoice").path("properties").path(field).path("description").asText().isBlank(), "Invoice." + field);
        }
        for (String field : List.of("name", "version", "digest", "items")) {
            assertFalse(schemas.path("PriceList").path("properties").path(field).path("description").asText().isBlank(), "PriceList." + field);
        }
        JsonNode invoice = document.path("paths").path("/billing/runs/{run_id}/invoice").path("get");
        assertTrue(invoice.path("responses").path("200").path("content").has("text/csv"), "the CSV answer");
        assertTrue(parameter(invoice.path("parameters"), "price_list", "query").path("required").asBoolean(), "price_list required");
    }

    private void billingRoute(String path, String method, String success, String tag) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertTrue(operation.isObject(), method + " " + path + " is missing");
        assertFalse(operation.path("summary").asText().isBlank(), "summary");
        assertTrue(operation.path("description").asText().contains("reports-"), "description names the role");
        assertEquals(tag, operation.path("tags").path(0).asText(), "tag");
        assertEquals(1, operation.path("tags").size(), "one tag");

        JsonNode responses = operation.path("responses");
        assertTrue(responses.has(success), success + " of " + method + " " + path);
        for (String status : List.of("401", "403", "503")) {
            assertTrue(responses.has(status), status + " of " + method + " " + path);
        }
        responses.fieldNames().forEachRemaining(status -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                assertEquals(PROBLEM_REF, problemSchemaRef(responses.path(status)), status + " of " + method + " " + path);
            }
        });
        if (path.contains("{run_id}")) {
            assertTrue(responses.has("404"), "404 of " + method + " " + path);
        }
        List<String> schemes = new ArrayList<>();
        operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
        assertEquals(List.of("gatewayBearer", "gatewayApiKey"), schemes);
    }

    @Test
    void theBillingRunSchemaIsDescribed() {
        JsonNode run = document.path("components").path("schemas").path("BillingRun").path("properties");
        assertEquals(8, run.path("status").path("enum").size(), "the run's eight statuses: " + run.path("status"));
        for (String field : List.of("tenant_id", "period", "keep_report", "report", "progress", "failure")) {
            assertFalse(run.path(field).path("description").asText().isBlank(), "BillingRun." + field + " described");
        }
        JsonNode failure = document.path("components").path("schemas").path("Failure").path("properties");
        assertTrue(failure.path("problem").path("description").asText().contains("Problem"), "failure.problem: " + failure);
    }

    @Test
    void parametersKeepTheirDescriptionsAndTypes() {
        JsonNode delete = document.path("paths").path("/api/2/reports/{report_id}").path("delete").path("parameters");
        JsonNode reportId = parameter(delete, "report_id", "path");
        assertTrue(reportId.path("required").asBoolean(), "report_id required");
        assertFalse(reportId.path("description").asText().isBlank(), "report_id described");
        JsonNode version = parameter(delete, "version", "query");
        assertTrue(version.path("required").asBoolean(), "version required");
        assertEquals("integer", version.path("schema").path("type").asText(), "version is one integer type: " + version);
        assertEquals(1, version.path("schema").path("minimum").asInt());

        JsonNode create = document.path("paths").path("/api/2/reports").path("post").path("parameters");
        assertFalse(parameter(create, "Idempotency-Key", "header").path("description").asText().isBlank());
    }

    @Test
    void problemSchemaDescribesEveryField() {
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        for (String field : List.of("type", "title", "status", "detail", "instance", "errors", "upstream")) {
            assertTrue(problem.has(field), field);
        }
        JsonNode upstream = resolve(problem.path("upstream")).path("properties");
        for (String field : List.of("status", "code", "message", "domain")) {
            assertTrue(upstream.has(field), "upstream." + field);
        }
        JsonNode fieldError = resolve(problem.path("errors").path("items")).path("properties");
        assertTrue(fieldError.has("field") && fieldError.has("message"), "errors[].field, message");
    }

    @Test
    void createBodyIsReportPostWithTheSeedExample() throws Exception {
        JsonNode json = document.path("paths").path("/api/2/reports").path("post").path("requestBody")
                .path("content").path("application/json");
        assertEquals("#/components/schemas/ReportPost", json.path("schema").path("$ref").asText());
        JsonNode seed = json.path("examples").path("seed").path("value");
        JsonNode example = seed.isTextual() ? JSON.readTree(seed.asText()) : seed;
        assertEquals(JSON.readTree(SeedReport.body(SeedReport.TENANT)), example);

        JsonNode put = document.path("paths").path("/api/2/reports/{report_id}").path("put").path("requestBody")
                .path("content").path("application/json");
        assertEquals("#/components/schemas/ReportPut", put.path("schema").path("$ref").asText());
    }

    @Test
    void errorExamplesShowFieldErrorsAndTheVersionMismatch() throws Exception {
        JsonNode invalid = example(document.path("paths").path("/api/2/reports").path("post").path("responses").path("400"));
        assertEquals(400, invalid.path("status").asInt());
        assertTrue(invalid.path("errors").size() > 0, "400 example has errors");
        JsonNode mismatch = example(document.path("paths").path("/api/2/reports/{report_id}").path("delete")
                .path("responses").path("409"));
        assertEquals(1001, mismatch.path("upstream").path("code").asInt());
    }

    @Test
    void wireRecordsKeepTheirSnakeCaseNames() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode reportPost = schemas.path("ReportPost").path("properties");
        for (String field : List.of("result_action", "generation_date", "recipients", "parameters", "schedule")) {
            assertTrue(reportPost.has(field), "ReportPost." + field + " in " + reportPost);
        }
        assertFalse(reportPost.has("resultAction"));
        JsonNode parameters = schemas.path("ReportParameters").path("properties");
        for (String field : List.of("tenant_id", "hide_zero_usage", "show_skus")) {
            assertTrue(parameters.has(field), "ReportParameters." + field + " in " + parameters);
        }
        assertTrue(schemas.path("StoredReport").path("properties").has("report_format"));
        assertTrue(schemas.path("UsageRow").path("properties").has("offering_item"));
        JsonNode usage = schemas.path("UsageReport").path("properties");
        for (String field : List.of("report_id", "stored_report_id", "format", "tenant_id", "totals", "rows")) {
            assertTrue(usage.has(field), "UsageReport." + field);
        }
        assertTrue(resolve(usage.path("totals")).path("properties").has("tenant_items"));
    }

    @Test
    void bothKeySchemesAreDeclared() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals("http", schemes.path("gatewayBearer").path("type").asText());
        assertEquals("bearer", schemes.path("gatewayBearer").path("scheme").asText());
        assertEquals("apiKey", schemes.path("gatewayApiKey").path("type").asText());
        assertEquals("header", schemes.path("gatewayApiKey").path("in").asText());
        assertEquals("X-API-Key", schemes.path("gatewayApiKey").path("name").asText());
    }

    @Test
    void theSandboxIsNotPartOfTheDocument() {
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            assertFalse(path.startsWith("/sandbox"), path);
        }
    }

    private static JsonNode parameter(JsonNode parameters, String name, String in) {
        for (JsonNode parameter : parameters) {
            if (name.equals(parameter.path("name").asText()) && in.equals(parameter.path("in").asText())) {
                return parameter;
            }
        }
        throw new AssertionError(in + " parameter " + name + " missing in " + parameters);
    }

    private static String problemSchemaRef(JsonNode response) {
        return resolve(response).path("content").path("application/problem+json").path("schema").path("$ref").asText(null);
    }

    private static JsonNode example(JsonNode response) throws Exception {
        JsonNode examples = resolve(response).path("content").path("application/problem+json").path("examples");
        JsonNode value = examples.elements().next().path("value");
        return value.isTextual() ? JSON.readTree(value.asText()) : value;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}), if any. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : document.at(ref.substring(1));
    }
}
