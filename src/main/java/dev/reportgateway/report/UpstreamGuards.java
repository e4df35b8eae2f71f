package dev.reportgateway.report;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.AcronisUnavailableException;
import dev.reportgateway.acronis.AcronisUnavailableException.Reason;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The fault-tolerance policy of upstream calls (SmallRye Fault Tolerance guards). Every call passes one shared
 * circuit breaker and bulkhead; around that, reads and deletes retry on connection failures and on 429, 502,
 * 503, 504, while creates retry only when the platform provably did not act on them (connection refused, 429,
 * 503). Waits honour {@code Retry-After} (capped), else 1–2 s with jitter. Retries and circuit state changes are
 * reported to {@link UpstreamMetrics}.
 */
@ApplicationScoped
class UpstreamGuards {

    private static final Logger LOG = Logger.getLogger(UpstreamGuards.class);
    static final String CIRCUIT_BREAKER = "acronis-upstream";
    private static final Set<Integer> RETRYABLE_READ_STATUS = Set.of(429, 502, 503, 504);
    private static final Set<Integer> RETRYABLE_CREATE_STATUS = Set.of(429, 503);

    private final Guard shared;
    private final Guard readRetry;
    private final Guard createRetry;

    UpstreamGuards(UpstreamPolicyConfig config, UpstreamMetrics metrics) {
        UpstreamPolicyConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.shared = Guard.create()
                .withDescription("Acronis upstream: circuit breaker and concurrency limit")
                .withCircuitBreaker()
                .name(CIRCUIT_BREAKER)
                .when(UpstreamGuards::isPlatformFailure)
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
        this.readRetry = retry(config, UpstreamGuards::isRetryableRead, () -> metrics.retried(UpstreamMetrics.RetryKind.READ));
        this.createRetry = retry(config, UpstreamGuards::isRetryableCreate,
                () -> metrics.retried(UpstreamMetrics.RetryKind.CREATE));
    }

    /** Runs a GET or DELETE upstream call under the policy. */
    <T> T read(Supplier<T> call, Class<T> type) {
        return readRetry.get(() -> shared.get(call, type), type);
    }

    /** Runs a POST upstream call under the policy. */
    <T> T create(Supplier<T> call, Class<T> type) {
        return createRetry.get(() -> shared.get(call, type), type);
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

    /** What counts against the platform's health: its own failures, not the caller's mistakes. */
    static boolean isPlatformFailure(Throwable failure) {
        if (failure instanceof AcronisApiException rejected) {
            return rejected.status() >= 500 || rejected.status() == 429;
        }
        return failure instanceof AcronisUnavailableException;
    }

    static boolean isRetryableRead(Throwable failure) {
        if (failure instanceof AcronisApiException rejected) {
            return RETRYABLE_READ_STATUS.contains(rejected.status());
        }
        return failure instanceof AcronisUnavailableException unavailable
                && (unavailable.reason() == Reason.UNREACHABLE || unavailable.reason() == Reason.CONNECTION_LOST);
    }

    /** A create is repeated only when the platform cannot have made the report: refused connection, 429, 503. */
    static boolean isRetryableCreate(Throwable failure) {
        if (failure instanceof AcronisApiException rejected) {
            return RETRYABLE_CREATE_STATUS.contains(rejected.status());
        }
        return failure instanceof AcronisUnavailableException unavailable && unavailable.reason() == Reason.UNREACHABLE;
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
