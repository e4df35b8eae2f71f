package dev.reportgateway.sandbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Decides whether the sandbox is on (no {@code acronis.url} configured) and announces it at startup. */
@ApplicationScoped
public class SandboxMode {

    private static final Logger LOG = Logger.getLogger(SandboxMode.class);

    private final boolean enabled;
    private final SandboxConfig config;

    SandboxMode(@ConfigProperty(name = "acronis.url") Optional<String> upstreamUrl, SandboxConfig config) {
        this.enabled = upstreamUrl.isEmpty();
        this.config = config;
    }

    /** True when the simulator answers under {@code /sandbox/api/2}. */
    boolean enabled() {
        return enabled;
    }

    void announce(@Observes StartupEvent event) {
        if (enabled) {
            LOG.infof("Acronis sandbox serving /sandbox/api/2: client id %s, partner tenant id %s",
                    config.clientId(), config.tenantId());
        }
    }
}
