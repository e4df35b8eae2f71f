package dev.reportgateway.upstream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that call the gateway's API: every request carries the {@link TestKeys#ADMIN} key unless it sets its own. */
public abstract class KeyedTest {

    @BeforeEach
    void withAdminKey() {
        TestKeys.useByDefault(TestKeys.ADMIN);
    }

    @AfterEach
    void withoutDefaultKey() {
        TestKeys.clearDefault();
    }
}
