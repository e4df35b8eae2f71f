package dev.reportgateway.acronis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds the {@link AcronisReportsApi} and {@link AcronisDownloadsApi} clients on first use. They are built here rather than from
 * {@code quarkus.rest-client.*} keys because in sandbox mode their base URI is this service's own listening
 * address, which is only known once the HTTP server runs (a random port in tests). Downloads have their own
 * connection pool of {@code acronis.download-max-connections}, so they never use up the JSON calls' pool.
 */
@ApplicationScoped
public class AcronisClientProducer {

    @Produces
    @ApplicationScoped
    AcronisReportsApi reportsApi(AcronisEndpoint endpoint, AcronisConfig config) {
        return builder(endpoint, config.connectTimeout(), config.readTimeout()).build(AcronisReportsApi.class);
    }

    @Produces
    @ApplicationScoped
    AcronisDownloadsApi downloadsApi(AcronisEndpoint endpoint, AcronisConfig config) {
        return builder(endpoint, config.connectTimeout(), config.downloadTimeout())
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, config.downloadMaxConnections())
                .build(AcronisDownloadsApi.class);
    }

    private static QuarkusRestClientBuilder builder(AcronisEndpoint endpoint, Duration connectTimeout, Duration readTimeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUri())
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
