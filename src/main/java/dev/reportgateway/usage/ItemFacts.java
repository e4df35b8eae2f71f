package dev.reportgateway.usage;

/**
 * What the platform says of an offering item (from {@code GET /api/2/tenants/{id}/offering_items}): the unit
 * its usage is measured in ({@code bytes}, {@code seconds}, {@code quantity}, {@code n/a}) and the usage it
 * counts ({@code usage_name}, e.g. {@code compute_points} for {@code pw_base_adv_dr_compute_points}). Either
 * may be null when the platform leaves it out.
 */
public record ItemFacts(String measurementUnit, String usageName) {
}
