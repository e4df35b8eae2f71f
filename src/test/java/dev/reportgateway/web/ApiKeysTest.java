package dev.reportgateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** Key checks by digest: the right key is known with its roles, a near miss is not, bad configuration stops startup. */
class ApiKeysTest {

    private static final String KEY = "k3y-for-unit-tests-only";
    private static final Pattern DEV_KEY = Pattern.compile("dev-[A-Za-z0-9_-]{43}");

    @Test
    void knownKeyCarriesItsRolesAndNearMissesAreUnknown() {
        ApiKeys keys = loaded(Map.of("billing", key(hex(KEY), List.of(Roles.READER))), false);

        assertEquals(Optional.of(new ApiKeys.Caller("billing", Set.of(Roles.READER), Set.of())), keys.identify(KEY));
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
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(ApiKeys.class.getName());
        log.addHandler(capture);
        ApiKeys sandbox;
        try {
            sandbox = loaded(Map.of(), true);
        } finally {
            log.removeHandler(capture);
        }
        String devKey = logged.stream().map(DEV_KEY::matcher).filter(Matcher::find).map(Matcher::group).findFirst()
                .orElseThrow(() -> new AssertionError("no development key in the log: " + logged));
        assertEquals(Optional.of(new ApiKeys.Caller("sandbox-development", Roles.ALL, Set.of())), sandbox.identify(devKey));
        assertFalse(sandbox.identify("dev-" + "A".repeat(43)).isPresent());

        ApiKeys disabled = new ApiKeys(config(Map.of(), false), false);
        disabled.load(null);
        assertFalse(disabled.enabled());
    }

    @Test
    void aScopedKeyCarriesItsTenantsLowerCaseAndABadTenantIsRefused() {
        ApiKeys keys = loaded(Map.of("psa", key(hex(KEY), List.of(Roles.READER),
                List.of("EDE9F834-70B3-476C-83D9-736F9F8C7DAE", " 3f2504e0-4f89-41d3-9a0c-0305e82c3301"))), false);
        assertEquals(Set.of("ede9f834-70b3-476c-83d9-736f9f8c7dae", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
                keys.identify(KEY).orElseThrow().tenants());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> loaded(
                Map.of("psa", key(hex(KEY), List.of(Roles.READER), List.of("acme-corp"))), false));
        assertTrue(refused.getMessage().startsWith("gateway.api-keys.psa.tenants: 'acme-corp' is not a tenant id"),
                refused.getMessage());
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
        return key(sha256, roles, null);
    }

    private static GatewayConfig.ApiKey key(String sha256, List<String> roles, List<String> tenants) {
        return new GatewayConfig.ApiKey() {
            @Override
            public String sha256() {
                return sha256;
            }

            @Override
            public List<String> roles() {
                return roles;
            }

            @Override
            public Optional<List<String>> tenants() {
                return Optional.ofNullable(tenants);
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
