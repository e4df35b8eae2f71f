package dev.reportgateway.acronis.model;

import java.util.List;

/** The platform's {@code uuidList}, e.g. the answer of {@code GET /tenants/{tenant_id}/reports}. */
public record UuidList(List<String> items) {
}
