package dev.reportgateway.upstream;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/** The obviously fake gateway API keys whose digests the test profile configures. */
public final class TestKeys {

    /** Every role. */
    public static final String ADMIN = "test-admin-key-not-a-secret";
    /** Every role, a second caller. */
    public static final String WRITER = "test-writer-key-not-a-secret";
    /** {@code reports-reader} only. */
    public static final String READER = "test-reader-key-not-a-secret";
    /** {@code reports-reader} only, limited to the tenant {@link SeedReport#TENANT}. */
    public static final String SCOPED_READER = "test-scoped-reader-key-not-a-secret";
    /** Every role, limited to the tenant {@link SeedReport#TENANT}. */
    public static final String SCOPED_WRITER = "test-scoped-writer-key-not-a-secret";

    private TestKeys() {
    }

    /** Makes every following RestAssured request carry {@code X-API-Key: key} unless it sets its own. */
    public static void useByDefault(String key) {
        clearDefault(); // a RequestSpecBuilder starts from the current default: the previous key would be sent first
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-API-Key", key).build();
    }

    /** Back to requests without a default key. */
    public static void clearDefault() {
        RestAssured.requestSpecification = null;
    }
}
