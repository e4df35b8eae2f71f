package dev.reportgateway.upstream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in Acronis platform: WireMock on a random loopback port, configured as {@code acronis.url} with
 * obviously fake client credentials. Tests stub and verify it through {@link InjectWireMock}.
 */
public class WireMockUpstream implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "00000000-7e57-4000-8000-00000000c1d0";
    public static final String CLIENT_SECRET = "fake-client-secret-for-tests";
    /**
     * How long readiness repeats its last answer here (30 s in production): long, so that only a test moving the
     * {@link TestClock} ends it, never a slow machine.
     */
    public static final Duration READINESS_INTERVAL = Duration.ofHours(1);

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of(
                "acronis.url", "http://127.0.0.1:" + server.port(),
                "acronis.client-id", CLIENT_ID,
                "acronis.client-secret", CLIENT_SECRET,
                "acronis.connect-timeout", "1s",
                "acronis.read-timeout", "1s",
                "gateway.upstream.retry-delay", "100ms",
                "gateway.upstream.retry-jitter", "50ms",
                "gateway.upstream.retry-after-max", "3s",
                "acronis.readiness-interval", READINESS_INTERVAL.toMillis() + "ms");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
