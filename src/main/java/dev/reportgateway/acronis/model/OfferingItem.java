package dev.reportgateway.acronis.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One item of {@code GET /tenants/{tenant_id}/offering_items}, as far as billing needs it: its name and edition
 * (null for items without one), the usage it counts ({@code usage_name}), its {@code type} ({@code infra},
 * {@code count}, {@code feature}), the infrastructure it is on, and its {@code measurement_unit} ({@code bytes},
 * {@code quantity}, {@code seconds}, {@code n/a}). Other fields (quota, status, ...) are ignored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record OfferingItem(
        String name,
        String edition,
        String usageName,
        String type,
        String infraId,
        String measurementUnit) {
}
