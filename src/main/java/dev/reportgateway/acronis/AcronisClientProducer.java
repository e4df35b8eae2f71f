package dev.reportgateway.acronis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds the {@link AcronisReportsApi} and {@link AcronisDownloadsApi} clients on first use. They are built here rather than from
 * {@code quarkus.rest-client.*} keys because in sandbox mode their base URI is this service's own listening
 * address, which is only known once the HTTP server runs (a random port in tests).
 */
@ApplicationScoped
public class AcronisClientProducer {

    @Produces
    @ApplicationScoped
    AcronisReportsApi reportsApi(AcronisEndpoint endpoint, AcronisConfig config) {
        return build(AcronisReportsApi.class, endpoint, config.connectTimeout(), config.readTimeout());
    }

    @Produces
    @ApplicationScoped
    AcronisDownloadsApi downloadsApi(AcronisEndpoint endpoint, AcronisConfig config) {
        return build(AcronisDownloadsApi.class, endpoint, config.connectTimeout(), config.downloadTimeout());
    }

    private static <T> T build(Class<T> api, AcronisEndpoint endpoint, Duration connectTimeout, Duration readTimeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUri())
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(api);
    }
}
