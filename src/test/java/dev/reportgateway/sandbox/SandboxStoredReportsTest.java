package dev.reportgateway.sandbox;

import static dev.reportgateway.contract.UpstreamContract.assertValidResponse;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.acronis.SandboxConfig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Stored reports, their files, tenant report lists and updates over HTTP, in sandbox mode with a zero
 * stored-report delay (so every stored report is saved at once). Files are parsed here with Jackson and a
 * small RFC 4180 splitter, independently of the gateway's own parsers.
 */
@QuarkusTest
class SandboxStoredReportsTest {

    private static final String API = "/sandbox/api/2";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A client that keeps the bytes as sent instead of decoding {@code Content-Encoding: gzip}. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    private static final String ALPHA = "Alpha, Beta & Co";
    private static final List<String> CSV_V2_HEADER = List.of("tenant.id", "tenant.name", "tenant.kind",
            "tenant.parent_id", "application.id", "name", "edition", "sku", "measurement_unit", "infra.id",
            "infra.backend_type", "infra.owner_id", "usage.absolute.production", "usage.absolute.total",
            "usage.absolute.trial", "usage.delta.production", "usage.delta.total", "usage.delta.trial",
            "usage.effective.production", "usage.effective.total", "usage.effective.trial",
            "period.start", "period.end");
    private static final List<String> NUMBERS = List.of("usage.absolute.production", "usage.absolute.total",
            "usage.absolute.trial", "usage.delta.production", "usage.delta.total", "usage.delta.trial",
            "usage.effective.production", "usage.effective.total", "usage.effective.trial");

    @Inject
    SandboxConfig config;

    @Test
    void saveReportStoresOneSavedFilePerFormat() {
        String id = create(save("\"csv_v2_0\",\"json_v2_0\"", true, false));

        Response list = given().auth().oauth2(token()).when().get(API + "/reports/" + id + "/stored");
        list.then().statusCode(200).contentType(ContentType.JSON)
                .body("items.size()", equalTo(2))
                .body("items.report_format", equalTo(List.of("csv_v2_0", "json_v2_0")))
                .body("items.status", equalTo(List.of("saved", "saved")));
        assertValidResponse("GET", API + "/reports/" + id + "/stored", 200, "application/json", list.asString());
        for (int i = 0; i < 2; i++) {
            String createdAt = list.path("items[" + i + "].created_at");
            assertTrue(createdAt.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00"), createdAt);
            String storedId = list.path("items[" + i + "].id");
            int size = list.path("items[" + i + "].size");
            assertEquals(size, download(id, storedId).length);
        }
    }

    @Test
    void downloadIsGzipOctetStreamWithContentEncoding() {
        String id = create(save("\"csv_v2_0\"", true, false));
        String storedId = storedIds(id).get("csv_v2_0");

        Response response = given().config(RAW).auth().oauth2(token()).when().get(API + "/reports/" + id + "/stored/" + storedId);
        response.then().statusCode(200).contentType("application/octet-stream");
        assertEquals("gzip", response.header("Content-Encoding"));
        byte[] body = response.asByteArray();
        assertEquals((byte) 0x1f, body[0]);
        assertEquals((byte) 0x8b, body[1]);
    }

    @Test
    void csvV2HasTheDocumentedHeaderAndEveryCustomer() {
        String id = create(save("\"csv_v2_0\"", true, false));
        List<List<String>> csv = csv(gunzip(download(id, storedIds(id).get("csv_v2_0"))));

        assertEquals(CSV_V2_HEADER, csv.get(0));
        List<Map<String, String>> rows = csvRows(csv);
        long customers = rows.stream().filter(r -> r.get("tenant.kind").equals("customer"))
                .map(r -> r.get("tenant.id")).distinct().count();
        assertTrue(customers >= 20, "customers: " + customers);
        assertTrue(rows.stream().anyMatch(r -> r.get("tenant.name").equals("\"Quoted\" Widgets Ltd")));
        List<Map<String, String>> alphaStorage = rows.stream()
                .filter(r -> r.get("tenant.name").equals(ALPHA) && r.get("name").equals("local_storage")).toList();
        assertEquals(List.of("10737418240", "2684354560"),
                alphaStorage.stream().map(r -> r.get("usage.absolute.total")).toList());
        assertEquals("SK-LOCAL-STORAGE", alphaStorage.get(0).get("sku"));
        assertEquals("bytes", alphaStorage.get(0).get("measurement_unit"));
        assertEquals("", alphaStorage.get(0).get("edition"));
        List<Map<String, String>> computePoints = rows.stream()
                .filter(r -> r.get("name").equals("pw_base_adv_dr_compute_points")).toList();
        List<String> seconds = computePoints.stream().map(r -> r.get("usage.delta.total")).toList();
        assertTrue(seconds.containsAll(List.of("5400", "5418", "17", "18")), seconds.toString());
        Map<String, String> alphaCompute = computePoints.stream().filter(r -> r.get("tenant.name").equals(ALPHA))
                .findFirst().orElseThrow();
        assertEquals("437400", alphaCompute.get("usage.absolute.total")); // 5400 s x 81 months since 2020-01
        assertEquals("pck_per_workload", alphaCompute.get("edition"));
        assertEquals("seconds", alphaCompute.get("measurement_unit"));
        assertTrue(computePoints.stream().allMatch(r -> r.get("infra.id").equals(alphaCompute.get("infra.id"))
                && !r.get("infra.id").isEmpty()));
        assertTrue(rows.stream().anyMatch(r -> r.get("name").equals("fss_base_users")
                && r.get("edition").equals("fss_per_user")));
    }

    @Test
    void allMachineFormatsCarryTheSameRowsAndNumbers() throws IOException {
        String id = create(save("\"csv_v2_0\",\"json_v2_0\",\"json_v1\"", true, false));
        Map<String, String> stored = storedIds(id);

        List<Map<String, String>> fromCsv = csvRows(csv(gunzip(download(id, stored.get("csv_v2_0")))));
        List<Map<String, String>> csvRows = fromCsv.stream().map(SandboxStoredReportsTest::comparable).toList();

        JsonNode v2 = JSON.readTree(gunzip(download(id, stored.get("json_v2_0"))));
        assertEquals(5, v2.path("params").path("kind").asInt());
        List<Map<String, String>> v2Rows = new ArrayList<>();
        for (JsonNode row : v2.get("tenants")) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", row, flat);
            v2Rows.add(comparable(flat));
        }

        JsonNode v1 = JSON.readTree(gunzip(download(id, stored.get("json_v1"))));
        List<Map<String, String>> v1Rows = new ArrayList<>();
        for (JsonNode tenant : v1.get("tenants")) {
            for (JsonNode usage : tenant.get("usages")) {
                Map<String, String> flat = new LinkedHashMap<>();
                flat.put("tenant.id", tenant.get("id").asText());
                flat.put("tenant.kind", tenant.get("kind").asText());
                flat.put("name", usage.get("name").asText());
                flat.put("sku", usage.get("sku").asText());
                flat.put("infra.id", usage.has("infra_id") ? usage.get("infra_id").asText() : "");
                for (String part : List.of("absolute", "delta", "effective")) {
                    usage.get(part).fields().forEachRemaining(
                            e -> flat.put("usage." + part + "." + e.getKey(), e.getValue().asText()));
                }
                v1Rows.add(comparable(flat));
            }
        }

        assertTrue(csvRows.size() > 100, "rows: " + csvRows.size());
        assertEquals(csvRows, v2Rows);
        assertEquals(csvRows, v1Rows);
    }

    @Test
    void withoutShowSkusThereIsNoSkuAnywhere() throws IOException {
        String id = create(save("\"csv_v2_0\",\"json_v2_0\",\"json_v1\",\"csv\"", false, false));
        Map<String, String> stored = storedIds(id);

        List<String> header = csv(gunzip(download(id, stored.get("csv_v2_0")))).get(0);
        assertFalse(header.contains("sku"));
        assertEquals(CSV_V2_HEADER.stream().filter(c -> !c.equals("sku")).toList(), header);
        assertFalse(JSON.readTree(gunzip(download(id, stored.get("json_v2_0")))).get("tenants").get(0).has("sku"));
        assertFalse(JSON.readTree(gunzip(download(id, stored.get("json_v1")))).get("tenants").get(0)
                .get("usages").get(0).has("sku"));
        assertFalse(csv(gunzip(download(id, stored.get("csv")))).get(0).contains("SKU"));
    }

    @Test
    void hideZeroUsageDropsTheZeroRows() {
        String all = create(save("\"csv_v2_0\"", true, false));
        String nonZero = create(save("\"csv_v2_0\"", true, true));

        List<Map<String, String>> allRows = csvRows(csv(gunzip(download(all, storedIds(all).get("csv_v2_0")))));
        List<Map<String, String>> shown = csvRows(csv(gunzip(download(nonZero, storedIds(nonZero).get("csv_v2_0")))));
        List<Map<String, String>> zero = allRows.stream().filter(SandboxStoredReportsTest::isZero).toList();

        assertTrue(zero.size() >= 5, "zero rows: " + zero.size());
        assertTrue(zero.stream().anyMatch(r -> r.get("tenant.name").equals("Dormant Co")));
        assertEquals(allRows.stream().filter(r -> !isZero(r)).toList(), shown);
    }

    @Test
    void sameParametersGiveByteIdenticalFiles() {
        String formats = "\"csv_v2_0\",\"json_v2_0\",\"json_v1\",\"csv\",\"html\"";
        String first = create(save(formats, true, false));
        String second = create(save(formats, true, false));
        Map<String, String> firstIds = storedIds(first);
        Map<String, String> secondIds = storedIds(second);

        assertEquals(5, firstIds.size());
        for (String format : firstIds.keySet()) {
            assertArrayEquals(download(first, firstIds.get(format)), download(second, secondIds.get(format)), format);
        }
    }

    @Test
    void humanReadableFormatsShowConvertedUnitsAndEscapeHtml() {
        String id = create(save("\"csv\",\"html\"", true, false));
        Map<String, String> stored = storedIds(id);

        List<List<String>> csv = csv(gunzip(download(id, stored.get("csv"))));
        assertEquals(List.of("Tenant", "Kind", "Offering item", "SKU", "Infrastructure", "Unit", "Usage", "Change",
                "Effective usage"), csv.get(0));
        List<List<String>> alpha = csv.stream().filter(r -> r.get(0).equals(ALPHA)).toList();
        assertTrue(alpha.contains(List.of(ALPHA, "customer", "local_storage", "SK-LOCAL-STORAGE", "acronis", "GiB",
                "10.00", "1.00", "10.00")), alpha.toString());
        assertTrue(alpha.contains(List.of(ALPHA, "customer", "pw_base_backup_archive", "SK-PW-BACKUP-ARCHIVE", "",
                "GiB", "3.00", "0.30", "3.00")), alpha.toString());
        assertTrue(alpha.contains(List.of(ALPHA, "customer", "pw_base_adv_dr_compute_points",
                "SK-PW-ADV-DR-COMPUTE-POINTS", "acronis", "points", "121.50", "1.50", "121.50")), alpha.toString());

        String html = gunzip(download(id, stored.get("html")));
        assertTrue(html.contains("<td>&lt;Tag&gt; &amp; Sons</td>"), html);
        assertTrue(html.contains("<td>&quot;Quoted&quot; Widgets Ltd</td>"));
    }

    @Test
    void sendReportHasNoStoredReports() {
        String body = save("\"csv\"", true, false).replace("\"save\"", "\"send\"")
                .replace("{\"result_action\"", "{\"recipients\":[\"ca451758-b48a-45d9-9ae6-8f1059f67619\"],"
                        + "\"result_action\"");
        String id = create(body);

        given().auth().oauth2(token()).when().get(API + "/reports/" + id + "/stored")
                .then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void unknownReportOrStoredReportIsNotFound() {
        String token = token();
        String id = create(save("\"csv_v2_0\"", true, false));
        String unknown = "00000000-0000-4000-8000-000000000000";

        assertEquals(errorScheme(404, "Report not found"), given().auth().oauth2(token)
                .when().get(API + "/reports/" + unknown + "/stored")
                .then().statusCode(404).contentType(ContentType.JSON).extract().as(Map.class));
        assertEquals(errorScheme(404, "Stored report not found"), given().auth().oauth2(token)
                .when().get(API + "/reports/" + id + "/stored/" + unknown)
                .then().statusCode(404).contentType(ContentType.JSON).extract().as(Map.class));
        given().when().get(API + "/reports/" + id + "/stored").then().statusCode(401);
    }

    @Test
    void tenantReportsListsTheReportsOfATenantOfTheTree() {
        String token = token();
        String id = create(save("\"csv_v2_0\"", true, false));

        Response mine = given().auth().oauth2(token).when().get(API + "/tenants/" + config.tenantId() + "/reports");
        mine.then().statusCode(200).contentType(ContentType.JSON).body("items", hasItem(id));
        assertValidResponse("GET", API + "/tenants/" + config.tenantId() + "/reports", 200, "application/json",
                mine.asString());

        String customer = new SandboxUsage(config.tenantId()).customers().get(0).id();
        given().auth().oauth2(token).when().get(API + "/tenants/" + customer + "/reports")
                .then().statusCode(200).body("items", not(hasItem(id)));

        Response foreign = given().auth().oauth2(token)
                .when().get(API + "/tenants/00000000-0000-4000-8000-000000000000/reports");
        assertEquals(errorScheme(1005, "Tenant not found"), foreign.then().statusCode(404).extract().as(Map.class));
        assertValidResponse("GET", API + "/tenants/00000000-0000-4000-8000-000000000000/reports", 404,
                "application/json", foreign.asString());
        given().auth().oauth2(token).when().get(API + "/tenants/NOT-A-UUID/reports")
                .then().statusCode(400).body("error.message", equalTo("tenant_id: must be a lower-case UUID"));
    }

    @Test
    void offeringItemsAreServedForEveryTenantOfTheTree() {
        String token = token();
        SandboxUsage tree = new SandboxUsage(config.tenantId());
        for (String tenant : List.of(config.tenantId(), tree.customers().get(0).id(), tree.tenants().get(15).id())) {
            Response items = given().auth().oauth2(token).queryParam("edition", "pck_per_workload")
                    .when().get(API + "/tenants/" + tenant + "/offering_items");
            items.then().statusCode(200).contentType(ContentType.JSON)
                    .body("items.size()", equalTo(8))
                    .body("items.tenant_id", everyItem(equalTo(tenant)))
                    .body("items.find { it.name == 'pw_base_adv_dr_compute_points' }.measurement_unit", equalTo("seconds"))
                    .body("items.find { it.name == 'pw_base_adv_dr_compute_points' }.usage_name", equalTo("compute_points"))
                    .body("items.find { it.name == 'pw_base_adv_dr_compute_points' }.edition", equalTo("pck_per_workload"))
                    .body("items.find { it.name == 'pw_base_adv_dr_compute_points' }.type", equalTo("infra"))
                    .body("items.findAll { it.name == 'local_storage' }.measurement_unit", equalTo(List.of("bytes", "bytes")))
                    .body("items.find { it.name == 'pw_base_backup_archive' }.measurement_unit", equalTo("bytes"))
                    .body("items.find { it.name == 'fss_base_users' }.edition", equalTo("fss_per_user"))
                    .body("items.find { it.name == 'pw_base_dr_base' }.measurement_unit", equalTo("n/a"));
            Map<String, Object> local = items.path("items.find { it.name == 'local_storage' }");
            assertTrue(local.containsKey("edition") && local.get("edition") == null, "edition sent as null: " + local);
            assertValidResponse("GET", API + "/tenants/" + tenant + "/offering_items", 200, "application/json",
                    items.asString());
        }

        String unknown = API + "/tenants/00000000-0000-4000-8000-000000000000/offering_items";
        Response foreign = given().auth().oauth2(token).when().get(unknown);
        assertEquals(errorScheme(1005, "Tenant not found"), foreign.then().statusCode(404).extract().as(Map.class));
        assertValidResponse("GET", unknown, 404, "application/json", foreign.asString());
        given().auth().oauth2(token).when().get(API + "/tenants/NOT-A-UUID/offering_items")
                .then().statusCode(400).body("error.message", equalTo("tenant_id: must be a lower-case UUID"));
        Response anonymous = given().when().get(API + "/tenants/" + config.tenantId() + "/offering_items");
        anonymous.then().statusCode(401);
        assertValidResponse("GET", API + "/tenants/" + config.tenantId() + "/offering_items", 401, "application/json",
                anonymous.asString());
    }

    @Test
    void onlyScheduledReportsCanBeUpdated() {
        String once = create(save("\"csv_v2_0\"", true, false));
        assertEquals(errorScheme(400, "Only scheduled reports can be updated."),
                put(once, "{\"schedule\":{\"enabled\":false}}").then().statusCode(400).extract().as(Map.class));
        put("00000000-0000-4000-8000-000000000000", "{\"schedule\":{\"enabled\":false}}")
                .then().statusCode(404).body("error.message", equalTo("Report not found"));
    }

    @Test
    void monthlyReportIsUpdatedAndGetsTheNextVersion() {
        String monthly = create(save("\"csv_v2_0\"", true, false).replace("\"once\"", "\"monthly\"")
                .replace(",\"generation_date\":\"2026-10-01\"", ""));
        String body = """
                {"recipients":["ab00e527-219b-481b-b01b-311b5be0ed3c"],
                 "parameters":{"level":"itself","kind":"usage_current","hide_zero_usage":"true","show_skus":false},
                 "schedule":{"enabled":"false"}}""";

        Response updated = put(monthly, body);
        updated.then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(monthly))
                .body("version", equalTo(2))
                .body("recipients", equalTo(List.of("ab00e527-219b-481b-b01b-311b5be0ed3c")))
                .body("parameters.level", equalTo("itself"))
                .body("parameters.kind", equalTo("usage_current"))
                .body("parameters.hide_zero_usage", equalTo(true))
                .body("parameters.show_skus", equalTo(false))
                .body("parameters.tenant_id", equalTo(config.tenantId()))
                .body("parameters.formats", equalTo(List.of("csv_v2_0")))
                .body("parameters.period.start", equalTo("2026-09-01"))
                .body("schedule.type", equalTo("monthly"))
                .body("schedule.enabled", equalTo(false));
        assertValidResponse("PUT", API + "/reports/" + monthly, 200, "application/json", updated.asString());
        given().auth().oauth2(token()).when().get(API + "/reports/" + monthly)
                .then().statusCode(200).body("version", equalTo(2)).body("parameters.level", equalTo("itself"));
        put(monthly, "{\"schedule\":{\"enabled\":true}}").then().statusCode(200)
                .body("version", equalTo(3)).body("parameters.level", equalTo("itself"))
                .body("schedule.enabled", equalTo(true));
    }

    @Test
    void updateBodyIsValidatedLikeReportPut() {
        String monthly = create(save("\"csv_v2_0\"", true, false).replace("\"once\"", "\"monthly\""));
        put(monthly, "{\"parameters\":{\"tenant_id\":\"" + config.tenantId() + "\"}}").then().statusCode(400)
                .body("error.message", containsString("parameters.tenant_id: unknown field"));
        put(monthly, "{\"name\":\"x\"}").then().statusCode(400)
                .body("error.message", containsString("name: unknown field"));
        put(monthly, "{\"schedule\":{\"type\":\"once\",\"enabled\":true}}").then().statusCode(400)
                .body("error.message", containsString("schedule.type: unknown field"));
        put(monthly, "{\"schedule\":{}}").then().statusCode(400)
                .body("error.message", equalTo("schedule.enabled: is required"));
        put(monthly, "{\"parameters\":{\"level\":\"everyone\"}}").then().statusCode(400)
                .body("error.message", containsString("parameters.level: must be one of"));
        put(monthly, "{\"parameters\":").then().statusCode(400)
                .body("error.message", containsString("body: malformed JSON"));
        given().auth().oauth2(token()).contentType(ContentType.TEXT).body("{}")
                .when().put(API + "/reports/" + monthly).then().statusCode(415);
        given().auth().oauth2(token()).when().get(API + "/reports/" + monthly)
                .then().statusCode(200).body("version", equalTo(1));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String save(String formats, boolean showSkus, boolean hideZeroUsage) {
        return ("{\"result_action\":\"save\",\"parameters\":{\"tenant_id\":\"%s\",\"level\":\"accounts\","
                + "\"kind\":\"usage_summary\",\"formats\":[%s],\"period\":{\"start\":\"2026-09-01\","
                + "\"end\":\"2026-09-30\"},\"show_skus\":%s,\"hide_zero_usage\":%s},"
                + "\"schedule\":{\"type\":\"once\"},\"generation_date\":\"2026-10-01\"}")
                .formatted(config.tenantId(), formats, showSkus, hideZeroUsage);
    }

    private String create(String body) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(body)
                .when().post(API + "/reports")
                .then().statusCode(200).extract().path("id");
    }

    private Response put(String id, String body) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(body)
                .when().put(API + "/reports/" + id);
    }

    /** Stored report ids by format. */
    private Map<String, String> storedIds(String reportId) {
        List<Map<String, Object>> items = given().auth().oauth2(token())
                .when().get(API + "/reports/" + reportId + "/stored")
                .then().statusCode(200).extract().path("items");
        Map<String, String> ids = new LinkedHashMap<>();
        items.forEach(item -> {
            assertEquals("saved", item.get("status"));
            ids.put((String) item.get("report_format"), (String) item.get("id"));
        });
        return ids;
    }

    /** The bytes as sent, still gzip: the client does not decode {@code Content-Encoding}. */
    private byte[] download(String reportId, String storedId) {
        return given().config(RAW).auth().oauth2(token())
                .when().get(API + "/reports/" + reportId + "/stored/" + storedId)
                .then().statusCode(200).extract().asByteArray();
    }

    private String token() {
        return given().auth().preemptive().basic(config.clientId(), config.clientSecret())
                .formParam("grant_type", "client_credentials")
                .when().post(API + "/idp/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a record. */
    static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private static List<Map<String, String>> csvRows(List<List<String>> csv) {
        List<String> header = csv.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : csv.subList(1, csv.size())) {
            assertEquals(header.size(), line.size(), line.toString());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                flatten(prefix + e.getKey() + ".", e.getValue(), out);
            } else {
                out.put(prefix + e.getKey(), e.getValue().asText());
            }
        });
    }

    /** The fields every machine format carries, numbers compared as numbers. */
    private static Map<String, String> comparable(Map<String, String> row) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : List.of("tenant.id", "tenant.kind", "name", "sku", "infra.id")) {
            kept.put(key, row.getOrDefault(key, ""));
        }
        for (String key : NUMBERS) {
            kept.put(key, Long.toString(Long.parseLong(row.get(key))));
        }
        return kept;
    }

    private static boolean isZero(Map<String, String> row) {
        return NUMBERS.stream().allMatch(key -> Long.parseLong(row.get(key)) == 0);
    }

    private static Map<String, Object> errorScheme(int code, String message) {
        return Map.of("error", Map.of("code", code, "message", message, "domain", "PlatformAccountServer",
                "details", Collections.singletonMap("info", null)));
    }
}
