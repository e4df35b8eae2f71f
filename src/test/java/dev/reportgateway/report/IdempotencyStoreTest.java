package dev.reportgateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPeriod;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportSchedule;
import dev.reportgateway.store.Database;
import dev.reportgateway.store.H2TestDatabase;
import dev.reportgateway.store.IdempotencyKeyStore;
import dev.reportgateway.upstream.TestClock;

/**
 * The idempotency store on a real database and a test clock, with several stores on one database standing for
 * replicas (or for a gateway before and after a restart): replay within the time to live, a fresh claim after
 * it; a key in flight on one replica is refused on the other; a key whose create had an unknown outcome, or whose
 * gateway died after recording its attempt, is resumed from that attempt; which report a create made.
 */
class IdempotencyStoreTest {

    private static final Report ANSWER = new Report("20dffb36-d77b-45c6-b2fa-39276e98d5fc", 1L, "save", List.of(),
            new ReportParameters("ede9f834-70b3-476c-83d9-736f9f8c7dae", "accounts", "usage_summary", List.of("csv"),
                    new ReportPeriod("2017-05-01", "2017-05-07"), null, null), new ReportSchedule("once", true), null);
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

    private static final String TENANT = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
    private static final ReportParameters PARAMETERS = new ReportParameters(TENANT, "accounts", "usage_summary",
            List.of("csv", "html"), new ReportPeriod("2017-05-01", "2017-05-07"), true, true);
    private static final IdempotencyStore.Attempt ATTEMPT = new IdempotencyStore.Attempt(
            Set.of("6f1a8a3e-5c8e-4b9f-9d47-2d0c2b7e1a11"), new ReportPost(List.of(), "save", PARAMETERS, new ReportSchedule("once", null), null));

    private final TestClock clock = new TestClock();
    private final Database database = H2TestDatabase.migrated();
    private final IdempotencyStore store = replica();

    @Test
    void answersAreReplayedUntilTheyExpire() {
        IdempotencyStore.Claim.Fresh claim = (IdempotencyStore.Claim.Fresh) store.claim("billing", "k1", "digest-a");
        store.attempting(claim, ATTEMPT);
        store.complete(claim, ANSWER);

        clock.advance(Duration.ofHours(23));
        IdempotencyStore.Claim replay = store.claim("billing", "k1", "digest-a");
        assertEquals(ANSWER, assertInstanceOf(IdempotencyStore.Claim.Replay.class, replay).report());

        clock.advance(Duration.ofHours(2));
        IdempotencyStore.Claim.Fresh afresh = assertInstanceOf(IdempotencyStore.Claim.Fresh.class, store.claim("billing", "k1", "digest-b"));
        assertNull(afresh.earlier());
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

    @Test
    void anUnknownOutcomeKeepsTheKeyAndTheNextClaimResumesFromIt() {
        IdempotencyStore.Claim.Fresh first = (IdempotencyStore.Claim.Fresh) store.claim("billing", "k4", "digest-a");
        store.attempting(first, ATTEMPT);
        store.unknown(first);

        assertEquals(IdempotencyConflictException.Kind.DIFFERENT_BODY,
                assertThrows(IdempotencyConflictException.class, () -> store.claim("billing", "k4", "digest-b")).kind());
        IdempotencyStore.Claim.Fresh resumed = assertInstanceOf(IdempotencyStore.Claim.Fresh.class,
                store.claim("billing", "k4", "digest-a"));
        assertEquals(ATTEMPT, resumed.earlier());
        assertEquals(IdempotencyConflictException.Kind.IN_FLIGHT,
                assertThrows(IdempotencyConflictException.class, () -> store.claim("billing", "k4", "digest-a")).kind());
        store.complete(resumed, ANSWER);
        assertInstanceOf(IdempotencyStore.Claim.Replay.class, store.claim("billing", "k4", "digest-a"));
    }

    @Test
    void aKeyInFlightOnOneReplicaIsRefusedOnTheOtherThenReplayedThere() {
        IdempotencyStore other = replica();
        IdempotencyStore.Claim.Fresh claim = assertInstanceOf(IdempotencyStore.Claim.Fresh.class, store.claim("billing", "k5", "digest-a"));

        assertEquals(IdempotencyConflictException.Kind.IN_FLIGHT,
                assertThrows(IdempotencyConflictException.class, () -> other.claim("billing", "k5", "digest-a")).kind());
        store.complete(claim, ANSWER);
        assertEquals(ANSWER, assertInstanceOf(IdempotencyStore.Claim.Replay.class, other.claim("billing", "k5", "digest-a")).report());
    }

    /**
     * A gateway records its attempt, then dies before it stores an answer. Until the claim runs out the key is in
     * flight; then a new gateway (another replica, or the same one restarted) resumes from the recorded attempt.
     * Had the first one only paused, it may not call any more, and its late answer is not stored.
     */
    @Test
    void anAttemptRecordedBeforeTheCallOutlivesAGatewayThatDied() {
        IdempotencyStore.Claim.Fresh died = (IdempotencyStore.Claim.Fresh) store.claim("billing", "k6", "digest-a");
        store.attempting(died, ATTEMPT);

        IdempotencyStore restarted = replica();
        clock.advance(CLAIM_TIMEOUT.minusMinutes(1));
        assertEquals(IdempotencyConflictException.Kind.IN_FLIGHT,
                assertThrows(IdempotencyConflictException.class, () -> restarted.claim("billing", "k6", "digest-a")).kind());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        IdempotencyStore.Claim.Fresh resumed = assertInstanceOf(IdempotencyStore.Claim.Fresh.class,
                restarted.claim("billing", "k6", "digest-a"));
        assertEquals(ATTEMPT, resumed.earlier());

        assertEquals(IdempotencyConflictException.Kind.IN_FLIGHT,
                assertThrows(IdempotencyConflictException.class, () -> store.attempting(died, ATTEMPT)).kind());
        store.complete(died, new Report("0c7e2a43-1d4f-4c6e-9a8b-000000000bad", 1L, null, null, null, null, null));
        restarted.complete(resumed, ANSWER);
        assertEquals(ANSWER, assertInstanceOf(IdempotencyStore.Claim.Replay.class, store.claim("billing", "k6", "digest-a")).report());
    }

    @Test
    void aReportMatchesTheSentBodyOnEveryFieldBothCarry() {
        ReportPost sent = new ReportPost(List.of("CA451758-B48A-45D9-9AE6-8F1059F67619"), "send", PARAMETERS,
                new ReportSchedule("once", null), "2017-05-08");
        IdempotencyStore.Attempt attempt = new IdempotencyStore.Attempt(Set.of(), sent);
        ReportParameters reordered = new ReportParameters(TENANT, "accounts", "usage_summary", List.of("html", "csv"),
                new ReportPeriod("2017-05-01", "2017-05-07"), true, null);

        assertTrue(attempt.madeFrom(new Report(ANSWER.id(), 1L, "send", List.of("ca451758-b48a-45d9-9ae6-8f1059f67619"),
                reordered, new ReportSchedule("once", true), "2017-05-08")));
        assertTrue(attempt.madeFrom(new Report(ANSWER.id(), 1L, null, null, reordered, null, null)), "absent fields are not compared");
        assertFalse(attempt.madeFrom(new Report(ANSWER.id(), 1L, "save", null, reordered, null, null)));
        assertFalse(attempt.madeFrom(new Report(ANSWER.id(), 1L, "send", null, new ReportParameters(TENANT, "accounts",
                "usage_summary", List.of("csv", "html"), new ReportPeriod("2017-05-01", "2017-05-06"), true, true), null, null)));
        assertFalse(attempt.madeFrom(new Report(ANSWER.id(), 1L, "send", null, null, null, null)), "no parameters, no match");
    }

    private IdempotencyStore replica() {
        return new IdempotencyStore(new IdempotencyKeyStore(database, clock), new ObjectMapper(), clock, Duration.ofHours(24), CLAIM_TIMEOUT);
    }
}
