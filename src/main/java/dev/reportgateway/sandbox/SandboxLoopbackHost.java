package dev.reportgateway.sandbox;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import dev.reportgateway.acronis.AcronisConfig;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * In sandbox mode the gateway listens on loopback only: the sandbox's credentials are documented, so anyone who
 * reached the port could use them to read and delete the gateway's reports. Setting {@code quarkus.http.host}
 * explicitly (e.g. {@code QUARKUS_HTTP_HOST=0.0.0.0} in a container) is the opt-in to listen on the network.
 */
@Singleton
public class SandboxLoopbackHost implements HttpServerOptionsCustomizer {

    static final String LOOPBACK = "127.0.0.1";
    static final String HOST_KEY = "quarkus.http.host";
    /** Sources below this ordinal hold defaults (Quarkus' own, values recorded at build), not the user's choice. */
    private static final int LOWEST_EXPLICIT_ORDINAL = 100;

    private final boolean loopbackOnly;

    SandboxLoopbackHost(AcronisConfig acronis, Config config) {
        ConfigValue host = config.getConfigValue(HOST_KEY);
        boolean explicitHost = host.getValue() != null && host.getSourceOrdinal() >= LOWEST_EXPLICIT_ORDINAL;
        this.loopbackOnly = acronis.sandboxMode() && !explicitHost;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        restrict(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        restrict(options);
    }

    private void restrict(HttpServerOptions options) {
        if (loopbackOnly) {
            options.setHost(LOOPBACK);
        }
    }
}
