package dev.reportgateway.acronis.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The platform's {@code uuidList}, e.g. the answer of {@code GET /tenants/{tenant_id}/reports}. */
@RegisterForReflection
public record UuidList(List<String> items) {
}
