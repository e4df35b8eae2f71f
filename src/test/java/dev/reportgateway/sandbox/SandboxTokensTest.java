package dev.reportgateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.SandboxConfig;
import dev.reportgateway.acronis.model.TokenResponse;

/** Tokens are valid until {@code expires_on} and not a second longer. */
class SandboxTokensTest {

    private static final Instant START = Instant.parse("2026-03-15T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final SandboxTokens tokens = new SandboxTokens(new TwoHourConfig(), clock);

    @Test
    void tokenExpiresAfterItsLifetime() {
        TokenResponse token = tokens.issue();

        assertEquals("bearer", token.tokenType());
        assertNull(token.expiresIn());
        assertEquals(START.plus(Duration.ofHours(2)).getEpochSecond(), token.expiresOn());
        assertTrue(tokens.isValid(token.accessToken()));
        clock.now = START.plus(Duration.ofHours(2)).minusSeconds(1);
        assertTrue(tokens.isValid(token.accessToken()));
        clock.now = START.plus(Duration.ofHours(2));
        assertFalse(tokens.isValid(token.accessToken()));
    }

    @Test
    void unknownTokenIsInvalid() {
        assertFalse(tokens.isValid("sandbox-at-never-issued"));
    }

    private static final class TwoHourConfig implements SandboxConfig {
        @Override
        public String clientId() {
            return "5a9d1c3e-0000-4000-8000-00000000c11e";
        }

        @Override
        public String clientSecret() {
            return "sandbox-secret-not-a-real-credential";
        }

        @Override
        public String tenantId() {
            return "7e1a2b3c-0000-4000-8000-00000000da7a";
        }

        @Override
        public Duration tokenLifetime() {
            return Duration.ofHours(2);
        }

        @Override
        public Duration storedReportDelay() {
            return Duration.ofSeconds(2);
        }

        @Override
        public CsvColumns csvColumns() {
            return CsvColumns.FULL;
        }
    }
}
