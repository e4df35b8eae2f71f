package dev.reportgateway.acronis.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The part of {@code GET /clients/{client_id}} the gateway needs: the API client's own tenant. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiClient(String clientId, String tenantId, String type, String status) {
}
