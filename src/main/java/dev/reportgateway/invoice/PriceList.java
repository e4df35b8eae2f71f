package dev.reportgateway.invoice;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One version of a price list, as stored: {@code digest} is the SHA-256 of its items, so invoices can show what priced them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record PriceList(String name, int version, Instant createdAt, String createdBy, String digest, List<String> warnings,
        List<PriceItem> items) {

    /** A price list in the list of them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Summary(String name, int latestVersion, int versions, Instant updatedAt) {
    }
}
