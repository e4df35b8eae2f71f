package dev.reportgateway.acronis.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An API client as {@code GET /clients/{client_id}} describes it; its {@code tenant_id} is the default report tenant. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record ApiClient(
        String clientId,
        String tenantId,
        String type,
        String status,
        String tokenEndpointAuthMethod) {
}
