package dev.reportgateway.acronis.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The API client object of {@code GET /clients/{client_id}} as the sandbox serves it; {@link ApiClient} is
 * the part of it the gateway reads.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiClientDetails(
        String clientId,
        String tenantId,
        String type,
        String status,
        String tokenEndpointAuthMethod) {
}
