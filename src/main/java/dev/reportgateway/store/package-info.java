/**
 * The gateway's database: which datasource is active (embedded H2 under {@code gateway.data-dir} by default,
 * PostgreSQL when {@code gateway.database.url} is set), the Flyway migrations that run on both, and the
 * repositories of billing runs, their usage rows and idempotency keys. Uses nothing else of the gateway.
 */
package dev.reportgateway.store;
