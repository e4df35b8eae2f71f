package dev.reportgateway.billing;

import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every {@link BillingRunContract} test with the gateway on its default embedded H2 database. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
class BillingRunTest extends BillingRunContract {
}
