package dev.reportgateway.acronis;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The fault-tolerance policy of upstream calls (SmallRye Fault Tolerance guards). Every call passes one shared
 * circuit breaker (opened by {@link UpstreamFailure#isPlatformFailure()}) and bulkhead; around that, GET, PUT and
 * DELETE retry on {@link UpstreamFailure#retriesRead()} (connection failures, 429, 502, 503, 504), while creates
 * retry only on {@link UpstreamFailure#retriesCreate()}, when the platform provably did not act (connection
 * refused, 429, 503). Waits honour {@code Retry-After} (capped), else 1–2 s with jitter. Retries and circuit state
 * changes are reported to {@link UpstreamMetrics}.
 */
@ApplicationScoped
class UpstreamGuards {

    private static final Logger LOG = Logger.getLogger(UpstreamGuards.class);
    static final String CIRCUIT_BREAKER = "acronis-upstream";

    private final Guard shared;
    private final Guard readRetry;
    private final Guard createRetry;

    UpstreamGuards(UpstreamPolicyConfig config, UpstreamMetrics metrics) {
        UpstreamPolicyConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.shared = Guard.create()
                .withDescription("Acronis upstream: circuit breaker and concurrency limit")
                .withCircuitBreaker()
                .name(CIRCUIT_BREAKER)
                .when(failure -> UpstreamFailure.of(failure).isPlatformFailure())
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .onStateChange(state -> {
                    LOG.warnf("Circuit to the Acronis platform is now %s", state);
                    metrics.circuitState(state);
                })
                .done()
                .withBulkhead().limit(config.maxConcurrentCalls()).done()
                .build();
        this.readRetry = retry(config, failure -> UpstreamFailure.of(failure).retriesRead(),
                () -> metrics.retried(UpstreamMetrics.RetryKind.READ));
        this.createRetry = retry(config, failure -> UpstreamFailure.of(failure).retriesCreate(),
                () -> metrics.retried(UpstreamMetrics.RetryKind.CREATE));
    }

    /** Runs a GET, PUT or DELETE upstream attempt under the policy, repeating it as the policy allows. */
    <T> T idempotent(Supplier<T> attempt, Class<T> type) {
        return readRetry.get(() -> shared.get(attempt, type), type);
    }

    /** Runs a POST upstream attempt under the policy. */
    <T> T create(Supplier<T> attempt, Class<T> type) {
        return createRetry.get(() -> shared.get(attempt, type), type);
    }

    private static Guard retry(UpstreamPolicyConfig config, Predicate<Throwable> when, Runnable counted) {
        return Guard.create()
                .withRetry()
                .maxRetries(config.maxRetries())
                .whenException(when)
                .beforeRetry(failure -> {
                    LOG.infof("Retrying an upstream call after: %s", failure.getMessage());
                    counted.run();
                })
                .withCustomBackoff().strategy(() -> new RetryAfterBackoff(config)).done()
                .done()
                .build();
    }

    /** {@code Retry-After} when the platform sent one (capped), else the configured delay plus random jitter. */
    static final class RetryAfterBackoff implements CustomBackoffStrategy {

        private final UpstreamPolicyConfig config;

        RetryAfterBackoff(UpstreamPolicyConfig config) {
            this.config = config;
        }

        @Override
        public long nextDelayInMillis(Throwable failure) {
            if (failure instanceof AcronisApiException rejected && rejected.retryAfter().isPresent()) {
                Duration asked = rejected.retryAfter().get();
                return Math.min(asked.toMillis(), config.retryAfterMax().toMillis());
            }
            long jitter = config.retryJitter().toMillis();
            return config.retryDelay().toMillis() + (jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0);
        }
    }
}
