/**
 * The embedded Acronis simulator under {@code /sandbox/api/2}: token endpoint, API-client lookup,
 * in-memory reports (create, get, update, delete, per-tenant list) with the platform's validation and
 * {@code errorScheme} bodies, stored reports whose gzip-compressed files carry deterministic synthetic
 * usage of a small partner tree, and each tenant's offering items with their measurement units
 * ({@link dev.reportgateway.sandbox.SandboxUsage}). Active only when no
 * {@code acronis.url} is configured. Uses nothing of the gateway but {@code acronis.model} and config.
 */
package dev.reportgateway.sandbox;
