package dev.reportgateway.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.store.IdempotencyKeyStore;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Remembers the answer to each {@code (caller, Idempotency-Key)} create for {@code gateway.idempotency.ttl}, in the
 * database (scope {@value #SCOPE}), so a retried create is replayed instead of made twice, whichever replica it
 * reaches and across restarts. A key is claimed before the upstream call, for {@code gateway.idempotency.claim-timeout};
 * the {@link Attempt} is recorded before the call, so a key whose outcome is unknown (a timeout, a 5xx, a
 * connection lost after sending) or whose holder died keeps it, and the retry can look for the report first. A
 * key is released again if the call provably created nothing.
 */
@ApplicationScoped
class IdempotencyStore {

    /** The scope of report creates in the idempotency table. */
    static final String SCOPE = "report-create";

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** What a claim found. */
    sealed interface Claim permits Claim.Fresh, Claim.Replay {
        /**
         * The caller holds the key and makes the call ({@link #attempting} first), then {@link #complete},
         * {@link #release} or {@link #unknown}. {@code earlier} is the attempt of an earlier request whose outcome is
         * unknown, if there was one.
         */
        record Fresh(IdempotencyKeyStore.Claim held, Attempt earlier) implements Claim {
        }

        /** The key was answered before, for the same body. */
        record Replay(Report report) implements Claim {
        }
    }

    /** A create whose outcome may be unknown: the tenant's report ids (lower case) before it, and the body forwarded. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Attempt(Set<String> reportIdsBefore, ReportPost sent) {

        /**
         * Whether {@code report} is what the platform makes of {@link #sent()}: every field both carry is equal
         * (lists of recipients and formats in any order, ids in any letter case); a field the platform leaves
         * out or the gateway did not send (the platform fills a default) is not compared.
         */
        boolean madeFrom(Report report) {
            ReportParameters want = sent.parameters();
            ReportParameters got = report.parameters();
            return same(sent.resultAction(), report.resultAction())
                    && same(lowerCase(sent.recipients()), lowerCase(report.recipients()))
                    && same(sent.generationDate(), report.generationDate())
                    && (sent.schedule() == null || report.schedule() == null
                            || same(sent.schedule().type(), report.schedule().type())
                                    && same(sent.schedule().enabled(), report.schedule().enabled()))
                    && got != null
                    && same(want.tenantId(), got.tenantId() == null ? null : got.tenantId().toLowerCase(Locale.ROOT))
                    && same(want.kind(), got.kind())
                    && same(want.level(), got.level())
                    && same(want.formats() == null ? null : Set.copyOf(want.formats()),
                            got.formats() == null ? null : Set.copyOf(got.formats()))
                    && same(want.period(), got.period())
                    && same(want.hideZeroUsage(), got.hideZeroUsage())
                    && same(want.showSkus(), got.showSkus());
        }

        private static boolean same(Object sent, Object reported) {
            return sent == null || reported == null || sent.equals(reported);
        }

        private static Set<String> lowerCase(List<String> ids) {
            return ids == null ? null : ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        }
    }

    private final IdempotencyKeyStore keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;
    private final Duration claimTimeout;

    @Inject
    IdempotencyStore(IdempotencyKeyStore keys, ObjectMapper json, Clock clock, IdempotencyConfig config) {
        this(keys, json, clock, config.ttl(), config.claimTimeout());
    }

    IdempotencyStore(IdempotencyKeyStore keys, ObjectMapper json, Clock clock, Duration ttl, Duration claimTimeout) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
        this.claimTimeout = claimTimeout;
    }

    /**
     * Claims the key for this body (again, after an unknown outcome or a holder that ran past its claim), or finds
     * its answer; refuses a different body or a request in flight.
     */
    Claim claim(String caller, String idempotencyKey, String bodyDigest) {
        Instant now = clock.instant();
        IdempotencyKeyStore.Claim found = keys.claim(new IdempotencyKeyStore.Key(SCOPE, caller, idempotencyKey), bodyDigest, now,
                now.plus(claimTimeout), now.plus(ttl));
        return switch (found.outcome()) {
            case OWNED -> new Claim.Fresh(found, found.attempt() == null ? null : read(found.attempt(), Attempt.class));
            case ANSWERED -> new Claim.Replay(read(found.answer(), Report.class));
            case DIFFERENT_BODY -> throw new IdempotencyConflictException(IdempotencyConflictException.Kind.DIFFERENT_BODY);
            case IN_FLIGHT -> throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_FLIGHT);
        };
    }

    /**
     * Records {@code attempt} right before its upstream call and holds the key for one more claim timeout. Refuses
     * (in flight) when the claim ran out and another request took the key over: then the call must not be made.
     */
    void attempting(Claim.Fresh claim, Attempt attempt) {
        if (!keys.recordAttempt(claim.held(), write(attempt), clock.instant().plus(claimTimeout))) {
            throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_FLIGHT);
        }
    }

    void complete(Claim.Fresh claim, Report answer) {
        if (!keys.complete(claim.held(), write(answer), clock.instant().plus(ttl))) {
            LOG.warnf("A create ran past gateway.idempotency.claim-timeout (%s) and another request took its Idempotency-Key over; "
                    + "the answer of report %s was not stored under the key", claimTimeout, answer.id());
        }
    }

    /** The outcome of the recorded attempt is unknown: the key stays taken, and the next claim resumes from it. */
    void unknown(Claim.Fresh claim) {
        keys.unknown(claim.held(), clock.instant().plus(ttl));
    }

    void release(Claim.Fresh claim) {
        keys.release(claim.held());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", impossible);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("A stored idempotency " + type.getSimpleName() + " is not readable", unreadable);
        }
    }
}
