package dev.reportgateway.upstream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.reportgateway.acronis.AcronisTokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Base of the tests that run the gateway against the {@link WireMockUpstream}: every test starts with no cached
 * platform token, a closed circuit breaker, the system time on the {@link TestClock}, no recorded request, a token
 * endpoint issuing {@link #TOKEN}, the client lookup stubbed, and (from {@link KeyedTest}) the admin key on every request.
 * Subclasses carry {@code @QuarkusTest @WithTestResource(WireMockUpstream.class)}.
 */
public abstract class UpstreamTest extends KeyedTest {

    /** The token the stubbed token endpoint issues. */
    protected static final String TOKEN = "fake-access-token-1";
    /** The report id the stubs answer with. */
    protected static final String REPORT_ID = "20dffb36-d77b-45c6-b2fa-39276e98d5fc";

    @InjectWireMock
    protected WireMockServer wireMock;

    @Inject
    protected AcronisTokens tokens;

    @Inject
    protected TestClock clock;

    @BeforeEach
    void freshUpstream() {
        clock.reset();
        tokens.discardRejected(tokens.generation());
        CircuitBreakerMaintenance.get().resetAll();
        Upstream.reset(wireMock, TOKEN);
    }

}
