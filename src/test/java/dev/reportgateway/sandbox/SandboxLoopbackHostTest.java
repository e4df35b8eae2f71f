package dev.reportgateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.AcronisConfig;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.http.HttpServerOptions;

/** The address the gateway listens on: loopback in sandbox mode unless {@code quarkus.http.host} is set explicitly. */
class SandboxLoopbackHostTest {

    /** Quarkus' own default host in production. */
    private static final String QUARKUS_DEFAULT = "0.0.0.0";

    @Test
    void sandboxModeWithNothingSetListensOnLoopback() {
        assertEquals("127.0.0.1", effectiveHost(Map.of()));
    }

    @Test
    void upstreamModeKeepsTheDefault() {
        assertEquals(QUARKUS_DEFAULT, effectiveHost(Map.of("acronis.url", "https://eu2-cloud.acronis.com")));
    }

    @Test
    void anExplicitHostWinsInSandboxMode() {
        assertEquals("0.0.0.0", effectiveHost(Map.of("quarkus.http.host", "0.0.0.0")));
        assertEquals("192.0.2.10", effectiveHost(Map.of("quarkus.http.host", "192.0.2.10")));
    }

    /** The host the HTTP server is given, with {@code configured} as environment variables (ordinal 300). */
    private static String effectiveHost(Map<String, String> configured) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AcronisConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValue(SandboxLoopbackHost.HOST_KEY, QUARKUS_DEFAULT)
                .withSources(new PropertiesConfigSource(configured, "environment", 300))
                .build();
        HttpServerOptions options = new HttpServerOptions().setHost(config.getValue(SandboxLoopbackHost.HOST_KEY, String.class));
        new SandboxLoopbackHost(config.getConfigMapping(AcronisConfig.class), config).customizeHttpServer(options);
        return options.getHost();
    }
}
