package dev.reportgateway.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PackagedUpstreamTest} against the packaged application (the jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class PackagedUpstreamIT extends PackagedUpstreamTest {
}
