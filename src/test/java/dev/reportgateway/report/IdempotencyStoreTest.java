package dev.reportgateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.model.Report;

/** The idempotency store on a fake clock: replay within the time to live, a fresh claim after it. */
class IdempotencyStoreTest {

    private static final Report ANSWER = new Report("20dffb36-d77b-45c6-b2fa-39276e98d5fc", 1L, "save", null, null, null, null);

    private final AtomicLong nanos = new AtomicLong();
    private final IdempotencyStore store = new IdempotencyStore(Duration.ofHours(24), 100, nanos::get);

    @Test
    void answersAreReplayedUntilTheyExpire() {
        IdempotencyStore.Claim.Fresh claim = (IdempotencyStore.Claim.Fresh) store.claim("billing", "k1", "digest-a");
        store.complete(claim, ANSWER);

        nanos.addAndGet(TimeUnit.HOURS.toNanos(23));
        IdempotencyStore.Claim replay = store.claim("billing", "k1", "digest-a");
        assertEquals(ANSWER, assertInstanceOf(IdempotencyStore.Claim.Replay.class, replay).report());

        nanos.addAndGet(TimeUnit.HOURS.toNanos(2));
        assertInstanceOf(IdempotencyStore.Claim.Fresh.class, store.claim("billing", "k1", "digest-b"));
    }

    @Test
    void inFlightAndDifferentBodyAreRefused() {
        store.claim("billing", "k2", "digest-a");
        assertEquals(IdempotencyConflictException.Kind.IN_FLIGHT,
                assertThrows(IdempotencyConflictException.class, () -> store.claim("billing", "k2", "digest-a")).kind());
        assertEquals(IdempotencyConflictException.Kind.DIFFERENT_BODY,
                assertThrows(IdempotencyConflictException.class, () -> store.claim("billing", "k2", "digest-b")).kind());
    }

    @Test
    void releasedKeysCanBeClaimedAgainAndCallersAreSeparate() {
        IdempotencyStore.Claim.Fresh claim = (IdempotencyStore.Claim.Fresh) store.claim("billing", "k3", "digest-a");
        store.release(claim);
        assertInstanceOf(IdempotencyStore.Claim.Fresh.class, store.claim("billing", "k3", "digest-a"));
        assertInstanceOf(IdempotencyStore.Claim.Fresh.class, store.claim("psa", "k3", "digest-a"));
    }
}
