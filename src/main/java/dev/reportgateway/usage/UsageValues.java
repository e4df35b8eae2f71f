package dev.reportgateway.usage;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Production, total and trial amounts of one usage measure (absolute, delta or effective). */
@RegisterForReflection
public record UsageValues(BigDecimal production, BigDecimal total, BigDecimal trial) {

    public UsageValues {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(trial, "trial");
    }

    /** The same operation applied to each of the three amounts separately. */
    public UsageValues map(UnaryOperator<BigDecimal> operation) {
        return new UsageValues(operation.apply(production), operation.apply(total), operation.apply(trial));
    }

    /** Amount by amount sum. */
    public UsageValues plus(UsageValues other) {
        return new UsageValues(production.add(other.production), total.add(other.total), trial.add(other.trial));
    }
}
