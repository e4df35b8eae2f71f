package dev.reportgateway.acronis;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds the {@link AcronisReportsApi} client on first use. It is built here rather than from
 * {@code quarkus.rest-client.*} keys because in sandbox mode its base URI is this service's own listening
 * address, which is only known once the HTTP server runs (a random port in tests).
 */
@ApplicationScoped
public class AcronisClientProducer {

    @Produces
    @ApplicationScoped
    AcronisReportsApi reportsApi(AcronisEndpoint endpoint, AcronisConfig config) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUri())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(AcronisReportsApi.class);
    }
}
