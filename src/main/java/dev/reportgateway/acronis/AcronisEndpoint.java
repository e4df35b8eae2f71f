package dev.reportgateway.acronis;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

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
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final AcronisConfig config;
    private final HttpServer httpServer;

    AcronisEndpoint(AcronisConfig config, HttpServer httpServer) {
        this.config = config;
        this.httpServer = httpServer;
    }

    /** True when no data center is configured and the embedded sandbox answers instead. */
    public boolean isSandbox() {
        return config.sandboxMode();
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
        check(url);
        LOG.infof("Upstream: Acronis data center %s", normalise(url));
    }

    /**
     * Refuses a URL the client secret must not travel to: not http(s), without a host, with user information
     * (which would end up in logs), or plain {@code http} to anything but this machine's loopback.
     */
    static void check(URI url) {
        if (url.getRawUserInfo() != null) {
            throw new IllegalStateException("acronis.url must not contain a user name or password (user:password@); "
                    + "give the API client's credentials in ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET instead");
        }
        String scheme = url.getScheme();
        if (url.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalStateException("acronis.url must be an https URL of an Acronis data center, "
                    + "e.g. https://eu2-cloud.acronis.com; got '" + url + "'");
        }
        if ("http".equalsIgnoreCase(scheme) && !isLoopback(url.getHost())) {
            throw new IllegalStateException("acronis.url must use https: over plain http the client secret and tokens would "
                    + "cross the network unencrypted (http is accepted for localhost and 127.0.0.1 only); got '" + url + "'");
        }
    }

    /** A loopback host by its name or literal address; never resolved, so no lookup can change the answer. */
    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || LOOPBACK_V4.matcher(name).matches();
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
