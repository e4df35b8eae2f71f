package dev.reportgateway.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.reportgateway.billing.BillingRunContract;
import dev.reportgateway.upstream.KeyedTest;
import dev.reportgateway.upstream.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Invoices end to end in the default mode (embedded sandbox and database): last month's run priced with the sample
 * price list of {@code docs/}, checked against an independent computation from the run's usage rows; the CSV for
 * import; unpriced items; price-list versions and their errors; who may change what.
 */
@QuarkusTest
class InvoiceApiTest extends KeyedTest {

    private static final Path SAMPLE = Path.of("docs", "sample-price-list.csv");
    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final CsvMapper CSV = new CsvMapper();

    /** A sample price row, read straight from the file (not through the gateway). */
    private record SamplePrice(String unit, BigDecimal unitPrice, BigDecimal included, BigDecimal minimum) {
    }

    @Test
    void lastMonthsSandboxRunPricedWithTheSampleListEqualsAHandComputationFromItsUsageRows() throws IOException {
        String list = putSample();
        String runId = lastMonthsRun();
        Map<String, String> names = customerNames(runId);
        String alpha = tenant(names, "Alpha, Beta & Co");
        given().contentType("application/json").body("{\"customers\": [{\"tenant_id\": \"" + alpha.toUpperCase()
                + "\", \"external_id\": \"PSA-0001\", \"name\": \"Alpha (PSA name)\", \"currency\": \"eur\"}]}")
                .when().put("/billing/customers").then().statusCode(200)
                .body("customers[0].tenant_id", is(alpha)).body("customers[0].currency", is("EUR"));

        JsonPath invoice = given().queryParam("price_list", list).when().get("/billing/runs/" + runId + "/invoice")
                .then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertEquals(runId, invoice.getString("run_id"));
        assertEquals(list, invoice.getString("price_list.name"));
        assertEquals(1, invoice.getInt("price_list.version"));
        assertEquals(64, invoice.getString("price_list.digest").length());
        assertEquals("HALF_UP", invoice.getString("rounding"));
        assertEquals(List.of(), invoice.getList("unpriced"), "the sample prices every item the sandbox bills");

        Map<String, Map<String, BigDecimal>> expected = handComputation(runId, samplePrices());
        assertTrue(expected.size() > 15, "most of the sandbox's 22 customers are billed: " + expected.keySet());
        Map<String, Map<String, BigDecimal>> invoiced = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int c = 0; c < invoice.getList("customers").size(); c++) {
            String at = "customers[" + c + "]";
            Map<String, BigDecimal> lines = new TreeMap<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int l = 0; l < invoice.getList(at + ".lines").size(); l++) {
                String line = at + ".lines[" + l + "]";
                BigDecimal amount = new BigDecimal(invoice.getString(line + ".amount"));
                assertEquals(2, amount.scale(), "EUR amounts have cents: " + amount);
                assertEquals("EUR", invoice.getString(line + ".currency"));
                lines.put(invoice.getString(line + ".offering_item"), amount);
                sum = sum.add(amount);
            }
            assertEquals(List.of(Map.of("currency", "EUR", "amount", sum.toPlainString())), invoice.getList(at + ".subtotals"),
                    "the subtotal is the sum of the lines of " + invoice.getString(at + ".name"));
            invoiced.put(invoice.getString(at + ".tenant_id"), lines);
            total = total.add(sum);
        }
        assertEquals(expected, invoiced);
        assertEquals(List.of(Map.of("currency", "EUR", "amount", total.toPlainString())), invoice.getList("totals"));

        int alphaAt = invoice.getList("customers.tenant_id").indexOf(alpha);
        assertEquals("PSA-0001", invoice.getString("customers[" + alphaAt + "].external_id"));
        assertEquals("Alpha (PSA name)", invoice.getString("customers[" + alphaAt + "].name"));
        // Alpha stores 12.50 GiB of local_storage: 10 included, 2.5 × 0.045 = 0.1125 → 0.11
        Map<String, Object> storage = invoice.getMap("customers[" + alphaAt + "].lines.find { it.offering_item == 'local_storage' }");
        assertEquals(Map.ofEntries(Map.entry("offering_item", "local_storage"), Map.entry("sku", "SK-LOCAL-STORAGE"),
                Map.entry("description", "Cloud storage per GiB"), Map.entry("quantity", "12.5"), Map.entry("unit", "GiB"),
                Map.entry("included_quantity", "10"), Map.entry("charged_quantity", "2.5"), Map.entry("unit_price", "0.045"),
                Map.entry("amount", "0.11"), Map.entry("currency", "EUR")), storage);
        // 5400 s of compute points is 1.5 points × 0.35 = 0.525, below the minimum charge of 5.00
        Map<String, Object> points = invoice.getMap("customers[" + alphaAt + "].lines.find { it.offering_item == 'pw_base_adv_dr_compute_points' }");
        assertEquals("1.5", points.get("quantity"));
        assertEquals("5.00", points.get("amount"));
        assertEquals(true, points.get("minimum_charge_applied"));
    }

    @Test
    void theInvoiceCsvHasItsHeaderOneLinePerCustomerAndItemAndNoCellAFormula() throws IOException {
        String list = putSample();
        String runId = lastMonthsRun();
        String alpha = tenant(customerNames(runId), "Alpha, Beta & Co");
        given().contentType("text/csv").body("tenant_id,external_id,name,currency\r\n" + alpha + ",@PSA-1,=HYPERLINK(\"http://x\"),EUR\r\n")
                .when().put("/billing/customers").then().statusCode(200);
        JsonPath invoice = given().queryParam("price_list", list).when().get("/billing/runs/" + runId + "/invoice")
                .then().statusCode(200).extract().jsonPath();

        Response answer = given().accept("text/csv").queryParam("price_list", list).when().get("/billing/runs/" + runId + "/invoice");
        answer.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", is("attachment; filename=\"invoice-" + lastMonth().atDay(1) + "-" + list + "-v1.csv\""));
        String body = answer.asString();
        assertTrue(body.startsWith("external_id,tenant_id,customer,period_start,period_end,item,sku,description,quantity,unit,unit_price,"
                + "amount,currency\r\n"), body);
        List<List<String>> rows = csvRows(body);
        assertEquals(InvoiceCsvWriter.COLUMNS, rows.get(0));
        List<List<String>> lines = rows.subList(1, rows.size());
        List<Object> jsonLines = invoice.getList("customers.lines.flatten()");
        assertEquals(jsonLines.size(), lines.size(), "one line per customer × priced item");
        assertEquals(lines.size(), lines.stream().map(line -> line.get(1) + "|" + line.get(5) + "|" + line.get(6)).distinct().count());
        for (List<String> line : lines) {
            assertEquals(13, line.size());
            for (String cell : line) {
                assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9]+(\\.[0-9]+)?"),
                        "a cell a spreadsheet would run: " + cell);
            }
            assertEquals(lastMonth().atDay(1).toString(), line.get(3));
            assertEquals(lastMonth().atEndOfMonth().toString(), line.get(4));
        }
        List<List<String>> alphaLines = lines.stream().filter(line -> line.get(1).equals(alpha)).toList();
        assertEquals(5, alphaLines.size(), "Alpha uses every priced item but File Sync & Share");
        assertEquals("'@PSA-1", alphaLines.get(0).get(0));
        assertEquals("'=HYPERLINK(\"http://x\")", alphaLines.get(0).get(2));
        assertEquals(invoice.getString("customers.find { it.tenant_id == '" + alpha + "' }.subtotals[0].amount"),
                alphaLines.stream().map(line -> new BigDecimal(line.get(11))).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
    }

    @Test
    void anItemWithoutAPriceIsListedUnderUnpricedAndTheCsvIsRefusedUntilAllowed() {
        String list = "no-users-" + UUID.randomUUID();
        given().contentType("text/csv").body("offering_item,unit,unit_price,currency\n"
                + "local_storage,GiB,0.05,EUR\npw_base_backup_archive,GiB,0.03,EUR\npw_base_workstations,quantity,2,EUR\n"
                + "pw_base_servers,quantity,10,EUR\npw_base_adv_dr_compute_points,points,0.35,EUR\n")
                .when().put("/billing/price-lists/" + list).then().statusCode(201);
        String runId = lastMonthsRun();
        JsonPath invoice = given().queryParam("price_list", list).when().get("/billing/runs/" + runId + "/invoice")
                .then().statusCode(200).extract().jsonPath();
        BigDecimal users = BigDecimal.ZERO;
        int usingCustomers = 0;
        JsonPath usage = given().when().get("/billing/runs/" + runId + "/usage").then().statusCode(200).extract().jsonPath().using(DECIMALS);
        Map<String, BigDecimal> perTenant = new TreeMap<>();
        for (Map<String, Object> row : usage.<Map<String, Object>> getList("rows")) {
            if ("customer".equals(row.get("tenant_kind")) && "fss_base_users".equals(row.get("offering_item"))) {
                perTenant.merge((String) row.get("tenant_id"), quantity(row), BigDecimal::add);
            }
        }
        for (BigDecimal quantity : perTenant.values()) {
            users = users.add(quantity);
            usingCustomers += quantity.signum() != 0 ? 1 : 0;
        }
        assertEquals(List.of(Map.of("offering_item", "fss_base_users", "sku", "SK-FSS-USERS", "quantity", users.stripTrailingZeros().toPlainString(),
                "unit", "quantity", "reason", "no price for this offering item or SKU", "customers", usingCustomers)), invoice.getList("unpriced"));
        assertTrue(usingCustomers > 5, "File Sync & Share users of the customers of odd index");
        int withUsers = invoice.getList("customers.findAll { it.unpriced.size() > 0 }").size();
        assertEquals(usingCustomers, withUsers, "each customer lists its own unpriced users");

        given().accept("text/csv").queryParam("price_list", list).when().get("/billing/runs/" + runId + "/invoice")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:report-gateway:problem:invoice-unpriced"))
                .body("errors", hasSize(1))
                .body("errors[0].field", is("fss_base_users (SKU SK-FSS-USERS)"))
                .body("errors[0].message", is(users.stripTrailingZeros().toPlainString() + " quantity used by " + usingCustomers
                        + " customer(s): no price for this offering item or SKU"));
        given().accept("text/csv").queryParam("price_list", list).queryParam("allow_unpriced", "true")
                .when().get("/billing/runs/" + runId + "/invoice").then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void zeroLinesAppearOnlyWhenAskedAndOneCustomerCanBeInvoicedAlone() throws IOException {
        String list = putSample();
        String runId = lastMonthsRun();
        Map<String, String> names = customerNames(runId);
        String dormant = tenant(names, "Dormant Co");
        JsonPath without = given().queryParam("price_list", list).when().get("/billing/runs/" + runId + "/invoice").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(without.getList("customers.tenant_id").contains(dormant), "Dormant Co uses nothing");
        assertTrue(without.getList("customers.lines.flatten().amount").stream().noneMatch("0.00"::equals));
        JsonPath with = given().queryParam("price_list", list).queryParam("include_zero", "true").when()
                .get("/billing/runs/" + runId + "/invoice").then().statusCode(200).extract().jsonPath();
        assertEquals(true, with.getBoolean("include_zero"));
        assertEquals(List.of("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
                with.getList("customers.find { it.tenant_id == '" + dormant + "' }.lines.amount"));

        String alpha = tenant(names, "Alpha, Beta & Co");
        given().queryParam("price_list", list).queryParam("tenant_id", alpha.toUpperCase()).when().get("/billing/runs/" + runId + "/invoice")
                .then().statusCode(200).body("customers", hasSize(1)).body("customers[0].tenant_id", is(alpha))
                .body("totals", is(without.getList("customers.find { it.tenant_id == '" + alpha + "' }.subtotals")));
    }

    @Test
    void everyBadRowOfAPriceListIsListedAtOnceAsCsvAndAsJsonAndNothingIsStored() {
        String list = "broken-" + UUID.randomUUID();
        given().contentType("text/csv; charset=UTF-8").body("offering_item,unit,unit_price,currency\n"
                + "local_storage,GiB,0.10,EUR\nlocal_storage,GiB,0.20,EUR\npw_base_servers,GiB,1,EUR\npw_base_workstations,quantity,-1,EUR\n"
                + "fss_base_users,quantity,1.5,EURO\n")
                .when().put("/billing/price-lists/" + list)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:report-gateway:problem:invalid-request"))
                .body("errors.field", is(List.of("line 3", "line 4: unit", "line 5: unit_price", "line 6: currency")))
                .body("errors.message", is(List.of("prices offering item local_storage in EUR again (first at line 2)",
                        "is GiB, but offering item pw_base_servers is billed in quantity", "must not be negative",
                        "'EURO' is not an ISO 4217 currency with a minor unit")));
        given().contentType("application/json").body("[{\"offering_item\": \"local_storage\", \"unit\": \"GiB\", \"unit_price\": 0.10,"
                + " \"currency\": \"EUR\"}, {\"sku\": \"SK-X\", \"unit\": \"points\", \"unit_price\": \"1.00000000001\", \"currency\": \"EUR\"}]")
                .when().put("/billing/price-lists/" + list)
                .then().statusCode(400)
                .body("errors.field", is(List.of("[0].unit_price", "[1].unit_price")))
                .body("errors.message", is(List.of("must be a decimal written as text, such as \"0.1\": a JSON number is not exact in every"
                        + " reader", "has more than 10 decimals")));
        given().when().get("/billing/price-lists/" + list).then().statusCode(404)
                .body("type", is("urn:report-gateway:problem:price-list-not-found"))
                .body("detail", is("No price list named " + list + "."));
        given().contentType("application/xml").body("<prices/>").when().put("/billing/price-lists/" + list)
                .then().statusCode(415).body("detail", startsWith("Send the body as CSV with the header Content-Type: text/csv"));
        given().contentType("text/csv").body("offering_item,unit,unit_price,currency\nlocal_storage,GiB,1,EUR\n")
                .when().put("/billing/price-lists/no spaces").then().statusCode(400).body("errors[0].field", is("name"));
    }

    @Test
    void eachPutIsANewVersionAndOldVersionsStayReadableUntilTheListIsDeleted() throws IOException {
        String list = "versions-" + UUID.randomUUID();
        String first = Files.readString(SAMPLE);
        given().contentType("text/csv").body(first).when().put("/billing/price-lists/" + list).then().statusCode(201)
                .header("Location", endsWith("/billing/price-lists/" + list + "?version=1"))
                .body("version", is(1)).body("created_by", is("test-admin")).body("items", hasSize(6)).body("warnings", nullValue());
        given().contentType("application/json").body("{\"items\": [{\"offering_item\": \"local_storage\", \"unit\": \"GiB\","
                + " \"unit_price\": \"0.05\", \"currency\": \"EUR\"}]}")
                .when().put("/billing/price-lists/" + list).then().statusCode(201).body("version", is(2));
        given().when().get("/billing/price-lists/" + list).then().statusCode(200).body("version", is(2)).body("items", hasSize(1))
                .body("items[0].unit_price", is("0.05"));
        String v1Digest = given().queryParam("version", 1).when().get("/billing/price-lists/" + list).then().statusCode(200)
                .body("items", hasSize(6)).body("items[0].included_quantity", is("10")).extract().path("digest");

        String asCsv = given().accept("text/csv").queryParam("version", 1).when().get("/billing/price-lists/" + list)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals(first.replace("\n", "\r\n"), asCsv, "the CSV a PUT took comes back as it was sent");
        given().contentType("text/csv").body(asCsv).when().put("/billing/price-lists/" + list).then().statusCode(201)
                .body("version", is(3)).body("digest", is(v1Digest));
        given().when().get("/billing/price-lists").then().statusCode(200)
                .body("items.find { it.name == '" + list + "' }.latest_version", is(3))
                .body("items.find { it.name == '" + list + "' }.versions", is(3));
        given().queryParam("version", 4).when().get("/billing/price-lists/" + list).then().statusCode(404)
                .body("detail", is("Price list " + list + " has no version 4."));
        given().queryParam("version", "x").when().get("/billing/price-lists/" + list).then().statusCode(400);

        given().when().delete("/billing/price-lists/" + list).then().statusCode(204);
        given().queryParam("version", 1).when().get("/billing/price-lists/" + list).then().statusCode(404);
        given().when().delete("/billing/price-lists/" + list).then().statusCode(404);
        given().queryParam("price_list", list).when().get("/billing/runs/" + lastMonthsRun() + "/invoice").then().statusCode(404)
                .body("type", is("urn:report-gateway:problem:price-list-not-found"));
    }

    @Test
    void readersReadAndOnlyUnscopedWritersChangePricesAndCustomers() throws IOException {
        String list = putSample();
        String csv = "offering_item,unit,unit_price,currency\nlocal_storage,GiB,1,EUR\n";
        as(TestKeys.READER).contentType("text/csv").body(csv).when().put("/billing/price-lists/" + list)
                .then().statusCode(403).body("type", is("urn:report-gateway:problem:forbidden"));
        as(TestKeys.READER).when().delete("/billing/price-lists/" + list).then().statusCode(403);
        as(TestKeys.SCOPED_WRITER).contentType("text/csv").body(csv).when().put("/billing/price-lists/" + list)
                .then().statusCode(403).body("type", is("urn:report-gateway:problem:scoped-key-forbidden"))
                .body("detail", is("A tenant-scoped API key cannot change price lists: it applies to every tenant. Use a key without tenants."));
        as(TestKeys.SCOPED_WRITER).contentType("text/csv").body("tenant_id,external_id\n")
                .when().put("/billing/customers").then().statusCode(403).body("type", is("urn:report-gateway:problem:scoped-key-forbidden"));
        as(TestKeys.READER).when().get("/billing/price-lists/" + list).then().statusCode(200).body("version", is(1));
        as(TestKeys.SCOPED_READER).when().get("/billing/price-lists/" + list).then().statusCode(200);

        String mapped = "0c000000-0000-4000-8000-00000000000c";
        as(TestKeys.ADMIN).contentType("application/json").body("[{\"tenant_id\": \"" + mapped + "\", \"external_id\": \"C-1\"}]")
                .when().put("/billing/customers").then().statusCode(200).body("customers", hasSize(1));
        as(TestKeys.READER).when().get("/billing/customers").then().statusCode(200)
                .body("customers.tenant_id", is(List.of(mapped)));
        as(TestKeys.SCOPED_READER).when().get("/billing/customers").then().statusCode(200)
                .body("customers", hasSize(0));
        as(TestKeys.READER).accept("text/csv").when().get("/billing/customers").then().statusCode(200)
                .body(is("tenant_id,external_id,name,currency\r\n" + mapped + ",C-1,,\r\n"));
    }

    @Test
    void theCustomerMappingIsCheckedWholeAndKeptAsItWasWhenRefused() {
        String kept = "0d000000-0000-4000-8000-00000000000d";
        given().contentType("text/csv").body("tenant_id,external_id\n" + kept + ",KEEP\n").when().put("/billing/customers").then().statusCode(200);
        given().contentType("text/csv").body("tenant_id,external_id,currency\nnot-a-uuid,A,EUR\n" + kept + ",,XXX\n" + kept.toUpperCase()
                + ",B,\n").when().put("/billing/customers")
                .then().statusCode(400)
                .body("errors.field", is(List.of("line 2: tenant_id", "line 3: external_id", "line 3: currency", "line 4: tenant_id")))
                .body("errors.message", is(List.of("must be a tenant UUID", "is required: the customer's id in the PSA or accounting tool",
                        "'XXX' is not an ISO 4217 currency with a minor unit", "maps tenant " + kept + " again (first at line 3)")));
        given().when().get("/billing/customers").then().statusCode(200).body("customers.external_id", is(List.of("KEEP")));
    }

    @Test
    void invoiceParametersAreCheckedAllAtOnce() {
        String runId = lastMonthsRun();
        given().queryParam("version", "0").queryParam("tenant_id", "nope").queryParam("include_zero", "yes")
                .when().get("/billing/runs/" + runId + "/invoice")
                .then().statusCode(400)
                .body("errors.field", is(List.of("price_list", "version", "tenant_id", "include_zero")));
        given().queryParam("price_list", "x").when().get("/billing/runs/" + UUID.randomUUID() + "/invoice").then().statusCode(404)
                .body("type", is("urn:report-gateway:problem:billing-run-not-found"));
    }

    /** A request with {@code key} (and every later one until the next call or the end of the test). */
    private static RequestSpecification as(String key) {
        TestKeys.useByDefault(key);
        return given();
    }

    /** Puts the sample price list under a new name and answers the name. */
    private static String putSample() throws IOException {
        String list = "sample-" + UUID.randomUUID();
        given().contentType("text/csv").body(Files.readString(SAMPLE)).when().put("/billing/price-lists/" + list)
                .then().statusCode(201).body("version", is(1)).body("warnings", nullValue());
        return list;
    }

    private static YearMonth lastMonth() {
        return YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    }

    /** Last month's run of the sandbox partner, done (started here, or the live one an earlier test started). */
    private static String lastMonthsRun() {
        String runId = given().contentType("application/json").body("{\"month\": \"" + lastMonth() + "\"}")
                .when().post("/billing/runs").then().statusCode(org.hamcrest.Matchers.oneOf(200, 202)).extract().path("id");
        BillingRunContract.awaitStatus(runId, "done");
        return runId;
    }

    /** The run's customers: tenant id by name. */
    private static Map<String, String> customerNames(String runId) {
        Map<String, String> names = new TreeMap<>();
        JsonPath usage = given().when().get("/billing/runs/" + runId + "/usage").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> row : usage.<Map<String, Object>> getList("rows")) {
            if ("customer".equals(row.get("tenant_kind"))) {
                names.put((String) row.get("tenant_name"), (String) row.get("tenant_id"));
            }
        }
        return names;
    }

    private static String tenant(Map<String, String> names, String name) {
        String tenant = names.get(name);
        assertTrue(tenant != null, name + " is not among " + names.keySet());
        return tenant;
    }

    /** The sample's prices by offering item, read with a CSV reader of its own. */
    private static Map<String, SamplePrice> samplePrices() throws IOException {
        Map<String, SamplePrice> prices = new TreeMap<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(SAMPLE.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                prices.put(row.get("offering_item"), new SamplePrice(row.get("unit"), new BigDecimal(row.get("unit_price")),
                        decimal(row.get("included_quantity")), decimal(row.get("minimum_charge"))));
            }
        }
        return prices;
    }

    /**
     * What each customer owes per item, computed here from the run's usage rows: billable quantities of tenants of kind
     * customer summed per tenant and item, less the included quantity, times the price, rounded half-up to cents, at least
     * the minimum charge; items owing nothing left out.
     */
    private static Map<String, Map<String, BigDecimal>> handComputation(String runId, Map<String, SamplePrice> prices) {
        JsonPath usage = given().when().get("/billing/runs/" + runId + "/usage").then().statusCode(200).extract().jsonPath().using(DECIMALS);
        Map<String, Map<String, BigDecimal>> quantities = new TreeMap<>();
        for (Map<String, Object> row : usage.<Map<String, Object>> getList("rows")) {
            if (!"customer".equals(row.get("tenant_kind"))) {
                continue;
            }
            String item = (String) row.get("offering_item");
            @SuppressWarnings("unchecked")
            Map<String, Object> billable = (Map<String, Object>) row.get("billable");
            assertEquals(prices.get(item).unit(), billable.get("unit"), "the sample's unit of " + item);
            quantities.computeIfAbsent((String) row.get("tenant_id"), tenant -> new TreeMap<>()).merge(item, quantity(row), BigDecimal::add);
        }
        Map<String, Map<String, BigDecimal>> owed = new TreeMap<>();
        quantities.forEach((tenant, items) -> items.forEach((item, quantity) -> {
            SamplePrice price = prices.get(item);
            BigDecimal charged = price.included() == null ? quantity : quantity.subtract(price.included()).max(BigDecimal.ZERO);
            BigDecimal amount = charged.multiply(price.unitPrice()).setScale(2, RoundingMode.HALF_UP);
            if (price.minimum() != null && charged.signum() > 0 && amount.compareTo(price.minimum()) < 0) {
                amount = price.minimum();
            }
            if (amount.signum() != 0) {
                owed.computeIfAbsent(tenant, key -> new TreeMap<>()).put(item, amount);
            }
        }));
        return owed;
    }

    private static BigDecimal quantity(Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        Object quantity = ((Map<String, Object>) row.get("billable")).get("quantity");
        return quantity == null ? BigDecimal.ZERO : new BigDecimal(quantity.toString());
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    private static List<List<String>> csvRows(String body) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> lines = CSV.readerFor(List.class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(body)) {
            while (lines.hasNext()) {
                rows.add(lines.next());
            }
        }
        return rows;
    }
}
