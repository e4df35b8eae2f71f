package dev.reportgateway.report;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportParameters;
import dev.reportgateway.acronis.model.ReportPost;

/**
 * Remembers the answer to each {@code (caller, Idempotency-Key)} create for a while (bounded, in memory), so a
 * retried create is replayed instead of made twice. A key is claimed before the upstream call and released
 * again if the call provably created nothing. When the outcome is unknown (a timeout, a 5xx, a connection lost
 * after sending), the key keeps the {@link Attempt} instead, so the retry can look for the report first.
 */
@ApplicationScoped
class IdempotencyStore {

    /** What a claim found. */
    sealed interface Claim permits Claim.Fresh, Claim.Replay {
        /**
         * The caller owns the key and makes the call, then {@link #complete}, {@link #release} or {@link #unknown}.
         * {@link Entry#earlier()} is the attempt of an earlier request whose outcome is unknown, if there was one.
         */
        record Fresh(String key, Entry entry) implements Claim {
        }

        /** The key was answered before, for the same body. */
        record Replay(Report report) implements Claim {
        }
    }

    /**
     * A key: the body's digest; the answer once there is one; the earlier attempt whose outcome is unknown, if
     * any; and whether a request owns the key now.
     */
    record Entry(String bodyDigest, Report answer, Attempt earlier, boolean owned) {
    }

    /** A create whose outcome may be unknown: the tenant's report ids (lower case) before it, and the body forwarded. */
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

    private final ConcurrentMap<String, Entry> entries;

    @Inject
    IdempotencyStore(IdempotencyConfig config, Clock clock) {
        this(config.ttl(), config.maxEntries(), () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    IdempotencyStore(Duration ttl, long maxEntries, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .ticker(ticker)
                .<String, Entry> build()
                .asMap();
    }

    /**
     * Claims the key for this body (again, after an unknown outcome), or finds its answer; refuses a different
     * body or a request in flight.
     */
    Claim claim(String caller, String idempotencyKey, String bodyDigest) {
        String key = caller + '\n' + idempotencyKey;
        while (true) {
            Entry mine = new Entry(bodyDigest, null, null, true);
            Entry existing = entries.putIfAbsent(key, mine);
            if (existing == null) {
                return new Claim.Fresh(key, mine);
            }
            if (!existing.bodyDigest().equals(bodyDigest)) {
                throw new IdempotencyConflictException(IdempotencyConflictException.Kind.DIFFERENT_BODY);
            }
            if (existing.answer() != null) {
                return new Claim.Replay(existing.answer());
            }
            if (existing.owned()) {
                throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_FLIGHT);
            }
            Entry resumed = new Entry(bodyDigest, null, existing.earlier(), true);
            if (entries.replace(key, existing, resumed)) {
                return new Claim.Fresh(key, resumed);
            }
        }
    }

    void complete(Claim.Fresh claim, Report answer) {
        entries.replace(claim.key(), claim.entry(), new Entry(claim.entry().bodyDigest(), answer, null, false));
    }

    /** The outcome of {@code attempt} is unknown: the key stays taken, and the next claim resumes from it. */
    void unknown(Claim.Fresh claim, Attempt attempt) {
        entries.replace(claim.key(), claim.entry(), new Entry(claim.entry().bodyDigest(), null, attempt, false));
    }

    void release(Claim.Fresh claim) {
        entries.remove(claim.key(), claim.entry());
    }
}
