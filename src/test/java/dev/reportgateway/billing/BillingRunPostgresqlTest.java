package dev.reportgateway.billing;

import dev.reportgateway.store.PostgresqlDatabase;
import dev.reportgateway.upstream.WireMockUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every {@link BillingRunContract} test with the gateway on PostgreSQL (a fresh embedded database) instead of H2. */
@QuarkusTest
@WithTestResource(WireMockUpstream.class)
@WithTestResource(PostgresqlDatabase.class)
class BillingRunPostgresqlTest extends BillingRunContract {
}
