package dev.reportgateway.acronis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * Ready when a platform access token can be had: the cached one, or a new one from the token endpoint. The token
 * is asked for at most once per {@code acronis.readiness-interval} (the last answer is repeated in between) and
 * never waited for longer than {@code acronis.readiness-timeout}, without blocking the calling thread. Its data
 * says the mode and the data-center host, never a credential.
 */
@Readiness
@ApplicationScoped
public class AcronisReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "acronis-platform";

    private final AcronisTokens tokens;
    private final AcronisEndpoint endpoint;
    private final AcronisConfig config;
    private final Clock clock;
    private final AtomicReference<Checked> last = new AtomicReference<>();

    /** One check: when it started, and its (shared, remembered) answer. */
    private record Checked(Instant started, Uni<HealthCheckResponse> answer) {
    }

    AcronisReadinessCheck(AcronisTokens tokens, AcronisEndpoint endpoint, AcronisConfig config, Clock clock) {
        this.tokens = tokens;
        this.endpoint = endpoint;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        while (true) {
            Checked previous = last.get();
            Instant now = clock.instant();
            if (previous != null && isRecent(Duration.between(previous.started(), now))) {
                return previous.answer();
            }
            Checked fresh = new Checked(now, check().memoize().indefinitely());
            if (last.compareAndSet(previous, fresh)) {
                return fresh.answer();
            }
        }
    }

    private boolean isRecent(Duration age) {
        return !age.isNegative() && age.compareTo(config.readinessInterval()) < 0;
    }

    private Uni<HealthCheckResponse> check() {
        return Uni.createFrom().deferred(tokens::accessToken)
                .ifNoItem().after(config.readinessTimeout()).fail()
                .map(token -> base().up().build())
                .onFailure().recoverWithItem(failure -> base().down().withData("reason", reason(failure)).build());
    }

    private HealthCheckResponseBuilder base() {
        return HealthCheckResponse.named(NAME)
                .withData("mode", endpoint.isSandbox() ? "sandbox" : "upstream")
                .withData("data_center", endpoint.describe());
    }

    /** Fixed texts only: the failures' own messages may quote upstream bodies. */
    private String reason(Throwable failure) {
        if (failure instanceof AcronisApiException) {
            return "the platform refused to issue a token for the configured API client";
        }
        if (failure instanceof TimeoutException) {
            return "no token within " + config.readinessTimeout().toMillis() + " ms";
        }
        if (failure instanceof AcronisUnavailableException unavailable) {
            return unavailable.getMessage();
        }
        return "no token could be obtained";
    }
}
