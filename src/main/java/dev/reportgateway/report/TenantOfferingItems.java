package dev.reportgateway.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.AcronisClient;
import dev.reportgateway.acronis.model.OfferingItem;

/**
 * A tenant's offering items ({@code GET /tenants/{tenant_id}/offering_items}), where the units of its usage are
 * when a report does not carry them; kept per tenant for {@code gateway.offering-items.cache-ttl}. A tenant the
 * platform does not know (404) has none; any other failure is the caller's, as for every upstream call.
 */
@ApplicationScoped
public class TenantOfferingItems {

    private final AcronisClient client;
    private final Cache<String, List<OfferingItem>> cache;

    TenantOfferingItems(AcronisClient client, OfferingItemsConfig config) {
        this.client = client;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(config.cacheSize()).build();
    }

    /** The tenant's offering items; none for a tenant id that is not a UUID (any letter case). */
    public List<OfferingItem> of(String tenantId) {
        if (!Ids.isUuid(tenantId)) {
            return List.of();
        }
        return cache.get(tenantId.toLowerCase(Locale.ROOT), this::ask);
    }

    private List<OfferingItem> ask(String tenantId) {
        try {
            return Optional.ofNullable(client.offeringItems(tenantId).items()).orElse(List.of());
        } catch (AcronisApiException unknown) {
            if (unknown.status() == 404) {
                return List.of();
            }
            throw unknown;
        }
    }
}
