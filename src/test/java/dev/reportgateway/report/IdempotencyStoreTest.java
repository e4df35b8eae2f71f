package dev.reportgateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPeriod;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.ReportSchedule;

/**
 * The idempotency store on a fake clock: replay within the time to live, a fresh claim after it; a key whose create
 * had an unknown outcome stays taken and is resumed; which report a create made.
 */
class IdempotencyStoreTest {

    private static final Report ANSWER = new Report("20dffb36-d77b-45c6-b2fa-39276e98d5fc", 1L, "save", null, null, null, null);

    private static final String TENANT = "ede9f834-70b3-476c-83d9-736f9f8c7dae";
    private static final ReportParameters PARAMETERS = new ReportParameters(TENANT, "accounts", "usage_summary",
            List.of("csv", "html"), new ReportPeriod("2017-05-01", "2017-05-07"), true, true);

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

    @Test
    void anUnknownOutcomeKeepsTheKeyAndTheNextClaimResumesFromIt() {
        ReportPost sent = new ReportPost(List.of(), "save", PARAMETERS, new ReportSchedule("once", null), null);
        IdempotencyStore.Attempt attempt = new IdempotencyStore.Attempt(Set.of("6f1a8a3e-5c8e-4b9f-9d47-2d0c2b7e1a11"), sent);
        IdempotencyStore.Claim.Fresh first = (IdempotencyStore.Claim.Fresh) store.claim("billing", "k4", "digest-a");
        store.unknown(first, attempt);

        assertEquals(IdempotencyConflictException.Kind.DIFFERENT_BODY,
                assertThrows(IdempotencyConflictException.class, () -> store.claim("billing", "k4", "digest-b")).kind());
        IdempotencyStore.Claim.Fresh resumed = assertInstanceOf(IdempotencyStore.Claim.Fresh.class,
                store.claim("billing", "k4", "digest-a"));
        assertEquals(attempt, resumed.entry().earlier());
        assertEquals(IdempotencyConflictException.Kind.IN_FLIGHT,
                assertThrows(IdempotencyConflictException.class, () -> store.claim("billing", "k4", "digest-a")).kind());
        store.complete(resumed, ANSWER);
        assertInstanceOf(IdempotencyStore.Claim.Replay.class, store.claim("billing", "k4", "digest-a"));
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
}
