package dev.reportgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.reportgateway.store.IdempotencyKeyStore.Claim;
import dev.reportgateway.store.IdempotencyKeyStore.Key;
import dev.reportgateway.store.IdempotencyKeyStore.Outcome;

/**
 * The idempotency table on a real database, with several stores on it standing for replicas: the database alone
 * decides who holds a key; a claim that ran out is taken over with its attempt and its late writes change nothing;
 * expired keys are never answered and are purged; scopes and callers are apart.
 */
class IdempotencyKeyStoreTest {

    private static final Instant NOW = Instant.parse("2001-02-03T04:05:06Z");
    private static final Duration HOLD = Duration.ofMinutes(5);
    private static final Duration TTL = Duration.ofHours(24);
    private static final Key KEY = new Key("test-scope", "test-caller", "fake-key-1");

    private final Database database = H2TestDatabase.migrated();
    private final IdempotencyKeyStore replicaA = replica();
    private final IdempotencyKeyStore replicaB = replica();

    @Test
    void theFirstClaimOwnsTheKeyAnotherReplicaWaitsThenReplaysTheAnswer() {
        Claim first = claim(replicaA, KEY, "digest-a", NOW);
        assertEquals(Outcome.OWNED, first.outcome());
        assertNull(first.attempt());

        assertEquals(Outcome.IN_FLIGHT, claim(replicaB, KEY, "digest-a", NOW.plusSeconds(1)).outcome());
        assertEquals(Outcome.DIFFERENT_BODY, claim(replicaB, KEY, "digest-b", NOW.plusSeconds(1)).outcome());

        assertTrue(replicaA.complete(first, "{\"answer\":1}", NOW.plusSeconds(2).plus(TTL)));
        Claim replay = claim(replicaB, KEY, "digest-a", NOW.plusSeconds(3));
        assertEquals(Outcome.ANSWERED, replay.outcome());
        assertEquals("{\"answer\":1}", replay.answer());
        assertNull(replay.owner());
    }

    @Test
    void scopesAndCallersAreApart() {
        assertEquals(Outcome.OWNED, claim(replicaA, KEY, "digest-a", NOW).outcome());
        assertEquals(Outcome.OWNED, claim(replicaA, new Key("other-scope", KEY.caller(), KEY.key()), "digest-a", NOW).outcome());
        assertEquals(Outcome.OWNED, claim(replicaA, new Key(KEY.scope(), "other-caller", KEY.key()), "digest-a", NOW).outcome());
        assertEquals(Outcome.IN_FLIGHT, claim(replicaB, KEY, "digest-a", NOW).outcome());
    }

    @Test
    void aReleasedKeyStartsAfreshAndAnUnknownOutcomeKeepsItsAttemptForTheNextClaim() {
        Claim refused = claim(replicaA, KEY, "digest-a", NOW);
        assertTrue(replicaA.recordAttempt(refused, "{\"attempt\":1}", NOW.plus(HOLD)));
        assertTrue(replicaA.release(refused));
        Claim again = claim(replicaB, KEY, "digest-b", NOW);
        assertEquals(Outcome.OWNED, again.outcome());
        assertNull(again.attempt());

        assertTrue(replicaB.recordAttempt(again, "{\"attempt\":2}", NOW.plus(HOLD)));
        assertTrue(replicaB.unknown(again, NOW.plus(TTL)));
        assertEquals(Outcome.DIFFERENT_BODY, claim(replicaA, KEY, "digest-a", NOW).outcome());
        Claim resumed = claim(replicaA, KEY, "digest-b", NOW.plusSeconds(1));
        assertEquals(Outcome.OWNED, resumed.outcome());
        assertEquals("{\"attempt\":2}", resumed.attempt());
        assertNotEquals(again.owner(), resumed.owner());
        assertEquals(Outcome.IN_FLIGHT, claim(replicaB, KEY, "digest-b", NOW.plusSeconds(2)).outcome());
    }

    @Test
    void aClaimThatRanOutIsTakenOverWithItsAttemptAndItsLateWritesChangeNothing() {
        Claim dead = claim(replicaA, KEY, "digest-a", NOW);
        Instant held = NOW.plusSeconds(10).plus(HOLD);
        assertTrue(replicaA.recordAttempt(dead, "{\"attempt\":1}", held));

        assertEquals(Outcome.IN_FLIGHT, claim(replicaB, KEY, "digest-a", held.minusMillis(1)).outcome(), "held until owned_until");
        Claim takeover = claim(replicaB, KEY, "digest-a", held);
        assertEquals(Outcome.OWNED, takeover.outcome());
        assertEquals("{\"attempt\":1}", takeover.attempt());

        assertFalse(replicaA.recordAttempt(dead, "{\"attempt\":3}", held.plus(HOLD)));
        assertFalse(replicaA.complete(dead, "{\"answer\":\"late\"}", held.plus(TTL)));
        assertFalse(replicaA.unknown(dead, held.plus(TTL)));
        assertFalse(replicaA.release(dead));
        assertEquals(Outcome.IN_FLIGHT, claim(replicaA, KEY, "digest-a", held.plusSeconds(1)).outcome(), "held by the takeover");

        assertTrue(replicaB.complete(takeover, "{\"answer\":\"found\"}", held.plus(TTL)));
        assertEquals("{\"answer\":\"found\"}", claim(replicaA, KEY, "digest-a", held.plusSeconds(2)).answer());
    }

    @Test
    void anExpiredKeyIsNeverAnsweredAndThePurgeDeletesItUnlessALiveClaimHoldsIt() throws SQLException {
        Claim answered = claim(replicaA, KEY, "digest-a", NOW);
        replicaA.complete(answered, "{\"answer\":1}", NOW.plus(TTL));
        Key unknown = new Key(KEY.scope(), KEY.caller(), "fake-key-2");
        replicaA.unknown(claim(replicaA, unknown, "digest-a", NOW), NOW.plus(TTL));
        Key held = new Key(KEY.scope(), KEY.caller(), "fake-key-3");
        replicaA.claim(held, "digest-a", NOW, NOW.plus(TTL).plus(HOLD), NOW.plus(TTL));

        assertEquals(Outcome.ANSWERED, claim(replicaB, KEY, "digest-a", NOW.plus(TTL).minusMillis(1)).outcome());
        assertEquals(0, replicaB.purgeExpired(NOW.plus(TTL).minusMillis(1)));
        assertEquals(2, replicaB.purgeExpired(NOW.plus(TTL)), "the answered and the unknown key; the held one stays");
        assertEquals(List.of("fake-key-3"), keys());
        assertEquals(1, replicaB.purgeExpired(NOW.plus(TTL).plus(HOLD)));

        Claim answeredAgain = claim(replicaA, KEY, "digest-a", NOW.plus(TTL));
        replicaA.complete(answeredAgain, "{\"answer\":1}", NOW.plus(TTL).plus(TTL));
        Claim expired = claim(replicaB, KEY, "digest-b", NOW.plus(TTL).plus(TTL));
        assertEquals(Outcome.OWNED, expired.outcome(), "expired, not yet purged: free, whatever the body");
        assertNull(expired.attempt());
        assertNull(expired.answer());
    }

    /** Replicas racing for one key: exactly one holds it, whatever the interleaving; the same for a claim that ran out. */
    @Test
    void concurrentClaimsOnOneKeyHaveOneWinner() throws Exception {
        assertEquals(1, race(replica -> claim(replica, KEY, "digest-a", NOW)));

        Key ranOut = new Key(KEY.scope(), KEY.caller(), "fake-key-4");
        Claim dead = claim(replicaA, ranOut, "digest-a", NOW);
        replicaA.recordAttempt(dead, "{\"attempt\":1}", NOW.plus(HOLD));
        assertEquals(1, race(replica -> claim(replica, ranOut, "digest-a", NOW.plus(HOLD).plusSeconds(1))));
    }

    /** How many of 8 replicas racing at once got {@link Outcome#OWNED}; every other one must see the key in flight. */
    private long race(Function<IdempotencyKeyStore, Claim> claim) throws Exception {
        int replicas = 8;
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                IdempotencyKeyStore replica = replica();
                Callable<Claim> race = () -> {
                    start.await();
                    return claim.apply(replica);
                };
                claims.add(threads.submit(race));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Claim> result : claims) {
                outcomes.add(result.get().outcome());
            }
            assertTrue(outcomes.stream().allMatch(outcome -> outcome == Outcome.OWNED || outcome == Outcome.IN_FLIGHT), outcomes::toString);
            return outcomes.stream().filter(outcome -> outcome == Outcome.OWNED).count();
        } finally {
            threads.shutdownNow();
        }
    }

    private IdempotencyKeyStore replica() {
        return new IdempotencyKeyStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Claim claim(IdempotencyKeyStore replica, Key key, String digest, Instant now) {
        return replica.claim(key, digest, now, now.plus(HOLD), now.plus(TTL));
    }

    private List<String> keys() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT idem_key FROM idempotency_key ORDER BY idem_key")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        }
    }
}
