package dev.reportgateway.acronis;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;

/**
 * Where the platform is: the configured data center, or — when {@code acronis.url} is unset — the embedded
 * sandbox under {@code /sandbox} on this service's own HTTP port, reached over HTTP like the real one.
 */
@ApplicationScoped
public class AcronisEndpoint {

    private static final Logger LOG = Logger.getLogger(AcronisEndpoint.class);
    static final String SANDBOX_PATH = "/sandbox";
    private static final String API_PATH = "/api/2";

    private final AcronisConfig config;
    private final HttpServer httpServer;

    AcronisEndpoint(AcronisConfig config, HttpServer httpServer) {
        this.config = config;
        this.httpServer = httpServer;
    }

    /** True when no data center is configured and the embedded sandbox answers instead. */
    public boolean isSandbox() {
        return config.url().isEmpty();
    }

    /**
     * The base under which {@code /api/2} lives. In sandbox mode it is only known once the HTTP server
     * listens (tests use a random port), so callers ask for it lazily, on first use.
     */
    public URI baseUri() {
        return config.url().map(AcronisEndpoint::normalise)
                .orElseGet(() -> URI.create(stripSlash(httpServer.getLocalBaseUri().toString()) + SANDBOX_PATH));
    }

    /** The data-center host for logs and health data; never carries credentials. */
    public String describe() {
        return isSandbox() ? "embedded sandbox" : normalise(config.url().get()).getHost();
    }

    void checkOnStart(@Observes StartupEvent start) {
        if (isSandbox()) {
            LOG.warnf("SANDBOX MODE: acronis.url is not set, so every report call goes to the embedded Acronis simulator "
                    + "under %s%s on this service's port. Numbers are synthetic. Set ACRONIS_URL to use a real data center.",
                    SANDBOX_PATH, API_PATH);
            return;
        }
        URI url = config.url().get();
        if (url.getHost() == null || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalStateException("acronis.url must be an http(s) URL of an Acronis data center, "
                    + "e.g. https://eu2-cloud.acronis.com; got '" + url + "'");
        }
        LOG.infof("Upstream: Acronis data center %s", normalise(url));
    }

    /** Accepts {@code https://host}, {@code https://host/} and {@code https://host/api/2}. */
    static URI normalise(URI url) {
        String text = stripSlash(url.toString());
        if (text.endsWith(API_PATH)) {
            text = text.substring(0, text.length() - API_PATH.length());
        }
        return URI.create(stripSlash(text));
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
