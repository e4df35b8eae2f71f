package dev.reportgateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** Key checks by digest: the right key is known with its roles, a near miss is not, bad configuration stops startup. */
class ApiKeysTest {

    private static final String KEY = "k3y-for-unit-tests-only";

    @Test
    void knownKeyCarriesItsRolesAndNearMissesAreUnknown() {
        ApiKeys keys = loaded(Map.of("billing", key(hex(KEY), List.of(Roles.READER))), false);

        assertEquals(Optional.of(new ApiKeys.Caller("billing", Set.of(Roles.READER))), keys.identify(KEY));
        assertFalse(keys.identify(KEY.substring(0, KEY.length() - 1) + "X").isPresent());
        assertFalse(keys.identify("X" + KEY.substring(1)).isPresent());
        assertFalse(keys.identify(hex(KEY)).isPresent(), "the digest itself is not a key");
        assertFalse(keys.identify("").isPresent());
    }

    @Test
    void realUpstreamWithoutKeysRefusesToStart() {
        ApiKeys keys = new ApiKeys(config(Map.of(), true), false);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> keys.load(null));
        assertTrue(refused.getMessage().startsWith("No gateway API key is configured"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GATEWAY_AUTH_ENABLED=false"), refused.getMessage());
    }

    @Test
    void sandboxWithoutKeysMakesADevelopmentKeyAndDisabledAuthNeedsNone() {
        new ApiKeys(config(Map.of(), true), true).load(null);
        new ApiKeys(config(Map.of(), false), false).load(null);
    }

    @Test
    void aKeyInPlaceOfItsDigestOrAnUnknownRoleIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> loaded(Map.of("ci", key(KEY, List.of(Roles.READER))), false));
        assertThrows(IllegalStateException.class,
                () -> loaded(Map.of("ci", key(hex(KEY), List.of("admin"))), false));
    }

    private static ApiKeys loaded(Map<String, GatewayConfig.ApiKey> configured, boolean sandbox) {
        ApiKeys keys = new ApiKeys(config(configured, true), sandbox);
        keys.load(null);
        return keys;
    }

    private static String hex(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    private static GatewayConfig.ApiKey key(String sha256, List<String> roles) {
        return new GatewayConfig.ApiKey() {
            @Override
            public String sha256() {
                return sha256;
            }

            @Override
            public List<String> roles() {
                return roles;
            }
        };
    }

    private static GatewayConfig config(Map<String, GatewayConfig.ApiKey> keys, boolean enabled) {
        return new GatewayConfig() {
            @Override
            public MemorySize maxBodySize() {
                return new MemorySize(java.math.BigInteger.valueOf(65536));
            }

            @Override
            public Auth auth() {
                return () -> enabled;
            }

            @Override
            public Map<String, ApiKey> apiKeys() {
                return keys;
            }
        };
    }
}
