package dev.reportgateway.acronis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A data-center URL is accepted with or without a trailing slash or {@code /api/2}. */
class AcronisEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://eu2-cloud.acronis.com", "https://eu2-cloud.acronis.com/",
            "https://eu2-cloud.acronis.com/api/2", "https://eu2-cloud.acronis.com/api/2/" })
    void normalisedToTheHost(String configured) {
        assertEquals(URI.create("https://eu2-cloud.acronis.com"), AcronisEndpoint.normalise(URI.create(configured)));
    }
}
