package dev.reportgateway.acronis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.client.Tokens;
import io.vertx.core.json.JsonObject;

/** When a platform token expires: {@code expires_on}, else {@code expires_in}, else the OIDC client's view, else 2 h. */
class TokenExpiryTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void absoluteExpiresOnWins() {
        assertEquals(NOW.plusSeconds(7000), AcronisTokens.expiry(tokens(new JsonObject()
                .put("expires_on", NOW.getEpochSecond() + 7000).put("expires_in", 60), null), NOW));
    }

    @Test
    void expiresOnInThePastFallsBackToExpiresIn() {
        assertEquals(NOW.plusSeconds(600), AcronisTokens.expiry(tokens(new JsonObject()
                .put("expires_on", NOW.getEpochSecond() - 10).put("expires_in", 600), null), NOW));
    }

    @Test
    void expiresInAlone() {
        assertEquals(NOW.plusSeconds(600), AcronisTokens.expiry(tokens(new JsonObject().put("expires_in", "600"), null), NOW));
    }

    @Test
    void theOidcClientsExpiryWhenTheAnswerHasNone() {
        assertEquals(NOW.plusSeconds(900), AcronisTokens.expiry(tokens(new JsonObject(), NOW.getEpochSecond() + 900), NOW));
    }

    @Test
    void documentedTwoHoursAsTheLastResort() {
        assertEquals(NOW.plus(Duration.ofHours(2)), AcronisTokens.expiry(tokens(new JsonObject().put("expires_on", "soon"), null), NOW));
    }

    private static Tokens tokens(JsonObject grant, Long accessTokenExpiresAt) {
        return new Tokens("fake-token", accessTokenExpiresAt, null, null, null, grant.put("access_token", "fake-token"), "client");
    }
}
