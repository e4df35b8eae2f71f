package dev.reportgateway.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer of {@code GET /tenants/{tenant_id}/offering_items}: {@code {"items":[...]}}. */
@RegisterForReflection
public record SandboxOfferingItems(List<OfferingItem> items) {

    /**
     * One offering item as the platform lists it: {@code type} is {@code infra}, {@code count} or {@code feature};
     * {@code measurement_unit} {@code bytes}, {@code quantity}, {@code seconds} or {@code n/a}; {@code status} 1
     * (enabled). {@code edition} and {@code infra_id} are sent as null when there is none, not left out.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @RegisterForReflection
    public record OfferingItem(String applicationId, String name, String edition, String usageName, String tenantId,
            String type, String infraId, String measurementUnit, int status) {
    }
}
