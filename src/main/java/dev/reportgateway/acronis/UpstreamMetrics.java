package dev.reportgateway.acronis;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reportgateway.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Micrometer records of upstream traffic: each operation's duration and outcome, each retry, and the state of
 * the circuit breaker. Tags take values from fixed sets only.
 */
@ApplicationScoped
class UpstreamMetrics {

    /** The upstream operations, as tag values. */
    enum Operation {
        CREATE, FETCH, UPDATE, DELETE, TENANT_REPORTS, STORED_REPORTS, DOWNLOAD, CLIENT, OFFERING_ITEMS;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which retry policy retried: GET/PUT/DELETE or POST. */
    enum RetryKind {
        READ, CREATE
    }

    private final MeterRegistry registry;
    /** The call timers by operation and outcome, looked up in the registry once each rather than at every call. */
    private final Map<Operation, Map<String, Timer>> timers = new EnumMap<>(Operation.class);
    private final AtomicReference<CircuitBreakerState> circuit = new AtomicReference<>(CircuitBreakerState.CLOSED);

    UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Operation operation : Operation.values()) {
            timers.put(operation, new ConcurrentHashMap<>());
        }
        // The registry may outlive this bean (Micrometer's global registry across restarts in tests): own the gauge.
        registry.find(MetricNames.CIRCUIT_STATE).gauges().forEach(registry::remove);
        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            Gauge.builder(MetricNames.CIRCUIT_STATE, circuit, current -> current.get() == state ? 1 : 0)
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Runs an upstream operation (with its retries) and records how long it took and how it ended. */
    <T> T time(Operation operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            return call.get();
        } catch (RuntimeException failed) {
            outcome = UpstreamFailure.of(failed).outcomeTag();
            throw failed;
        } finally {
            sample.stop(timers.get(operation).computeIfAbsent(outcome, tag -> registry.timer(MetricNames.UPSTREAM_CALLS,
                    MetricNames.OPERATION, operation.tag(), MetricNames.OUTCOME, tag)));
        }
    }

    void retried(RetryKind kind) {
        registry.counter(MetricNames.UPSTREAM_RETRIES, MetricNames.KIND, kind.name().toLowerCase(Locale.ROOT)).increment();
    }

    void circuitState(CircuitBreakerState now) {
        circuit.set(now);
    }
}
