package dev.reportgateway.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.reportgateway.acronis.AcronisConfig;
import dev.reportgateway.acronis.SandboxConfig;

import io.quarkus.runtime.StartupEvent;

/** Whether the sandbox is on ({@link AcronisConfig#sandboxMode()} decides), and its announcement at startup. */
@ApplicationScoped
public class SandboxMode {

    private static final Logger LOG = Logger.getLogger(SandboxMode.class);

    private final boolean enabled;
    private final SandboxConfig config;

    SandboxMode(AcronisConfig acronis, SandboxConfig config) {
        this.enabled = acronis.sandboxMode();
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
