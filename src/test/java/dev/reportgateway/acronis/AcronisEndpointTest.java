package dev.reportgateway.acronis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data-center URL is accepted with or without a trailing slash or {@code /api/2}; plain http only to loopback,
 * user information never (and the refusal does not repeat it).
 */
class AcronisEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://eu2-cloud.acronis.com", "https://eu2-cloud.acronis.com/",
            "https://eu2-cloud.acronis.com/api/2", "https://eu2-cloud.acronis.com/api/2/" })
    void normalisedToTheHost(String configured) {
        assertEquals(URI.create("https://eu2-cloud.acronis.com"), AcronisEndpoint.normalise(URI.create(configured)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://eu2-cloud.acronis.com", "http://127.0.0.1:8089", "http://localhost:8089/api/2",
            "http://[::1]:8089", "HTTP://127.0.0.2" })
    void acceptedUrls(String configured) {
        assertDoesNotThrow(() -> AcronisEndpoint.check(URI.create(configured)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://eu2-cloud.acronis.com", "http://10.0.0.5:8080", "http://localhost.example.com",
            "http://127.0.0.1.nip.io" })
    void plainHttpToTheNetworkIsRefused(String configured) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> AcronisEndpoint.check(URI.create(configured)));
        assertTrue(refused.getMessage().startsWith("acronis.url must use https"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://fake-user:fake-password@eu2-cloud.acronis.com", "http://fake-user@127.0.0.1:8089" })
    void userInformationIsRefusedWithoutRepeatingIt(String configured) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> AcronisEndpoint.check(URI.create(configured)));
        assertTrue(refused.getMessage().contains("must not contain a user name or password"), refused.getMessage());
        assertFalse(refused.getMessage().contains("fake-"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://eu2-cloud.acronis.com", "eu2-cloud.acronis.com" })
    void otherSchemesAreRefused(String configured) {
        assertThrows(IllegalStateException.class, () -> AcronisEndpoint.check(URI.create(configured)));
    }
}
