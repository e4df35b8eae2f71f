package dev.reportgateway.acronis.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer of {@code GET /tenants/{tenant_id}/offering_items}. */
@RegisterForReflection
public record OfferingItems(List<OfferingItem> items) {
}
