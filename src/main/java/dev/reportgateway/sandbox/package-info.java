/**
 * The embedded Acronis simulator under {@code /sandbox/api/2}: token endpoint, API-client lookup and
 * in-memory reports with the platform's validation and {@code errorScheme} bodies. Active only when no
 * {@code acronis.url} is configured. Uses nothing of the gateway but {@code acronis.model} and config.
 */
package dev.reportgateway.sandbox;
