import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Checks the native-image inputs: every model record (the wire records in acronis.model, the usage rows and
 * totals, billing runs, invoices and price lists, the problem body) must be in the generated reflect-config.json,
 * or Jackson cannot build or write it in a native executable. Run after
 * {@code ./mvnw package -DskipTests -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true}:
 *
 *   java scripts/CheckNativeReflection.java
 *
 * Exits 1 and names the missing classes if any is absent.
 */
public class CheckNativeReflection {

    private static final Path SOURCES = Path.of("src/main/java");
    /** Packages whose records are all (acronis.model) or, when public, (the others) read or written as JSON. */
    private static final List<String> MODEL_PACKAGES = List.of("dev/reportgateway/acronis/model", "dev/reportgateway/usage",
            "dev/reportgateway/billing", "dev/reportgateway/invoice");
    /** Records elsewhere that are written as JSON: the problem body and its parts, a create's stored idempotency attempt. */
    private static final List<String> OTHER_MODELS = List.of("dev.reportgateway.web.Problem", "dev.reportgateway.web.Problem$Upstream",
            "dev.reportgateway.report.FieldError", "dev.reportgateway.report.IdempotencyStore$Attempt",
            "dev.reportgateway.store.CustomerStore$Customer", "dev.reportgateway.web.BillingRunResource$RunPage",
            "dev.reportgateway.web.PriceListResource$PriceListPage", "dev.reportgateway.web.CustomerResource$CustomerPage",
            "dev.reportgateway.web.CallerResource$Caller");
    /** Public records of the model packages that are settings or lookup values, never read or written as JSON. */
    private static final Set<String> NOT_JSON = Set.of("dev.reportgateway.usage.UsageLimits",
            "dev.reportgateway.usage.ItemFacts", "dev.reportgateway.usage.OfferingItemsCatalog$Offered",
            "dev.reportgateway.billing.BillingRuns$Started", "dev.reportgateway.billing.RunSpec");
    private static final Pattern RECORD = Pattern.compile("^(\\s*)(?:public\\s+)?record\\s+(\\w+)\\s*\\(", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws IOException {
        Path runner;
        try (Stream<Path> files = Files.list(Path.of("target/native-sources"))) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/native-sources/*-runner.jar: build the native sources first"));
        }
        Set<String> registered = new TreeSet<>();
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            String config = new String(jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            Matcher names = NAME.matcher(config);
            while (names.find()) {
                registered.add(names.group(1));
            }
        }
        List<String> required = new ArrayList<>(OTHER_MODELS);
        for (String pkg : MODEL_PACKAGES) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    required.addAll(serialisedRecords(pkg, file));
                }
            }
        }
        required.removeAll(NOT_JSON);
        List<String> missing = required.stream().filter(name -> !registered.contains(name)).toList();
        System.out.println("native reflection: " + required.size() + " model records checked, " + registered.size()
                + " classes registered in " + runner.getFileName());
        if (!missing.isEmpty()) {
            System.out.println("MISSING from reflect-config.json (add @RegisterForReflection): " + missing);
            System.exit(1);
        }
    }

    /**
     * The records of a file that Jackson reads or writes: every record of acronis.model, and elsewhere the public
     * records (internal helper records are private or package-private).
     */
    private static List<String> serialisedRecords(String pkg, Path file) throws IOException {
        String source = Files.readString(file);
        String outer = file.getFileName().toString().replace(".java", "");
        String packageName = pkg.replace('/', '.');
        boolean wirePackage = pkg.endsWith("acronis/model");
        List<String> records = new ArrayList<>();
        Matcher record = RECORD.matcher(source);
        while (record.find()) {
            boolean isPublic = record.group(0).contains("public");
            if (!wirePackage && !isPublic) {
                continue;
            }
            String name = record.group(2);
            records.add(packageName + "." + (name.equals(outer) ? name : outer + "$" + name));
        }
        return records;
    }
}
