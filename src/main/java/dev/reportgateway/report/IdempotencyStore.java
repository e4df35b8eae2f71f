package dev.reportgateway.report;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.reportgateway.acronis.model.Report;

/**
 * Remembers the answer to each {@code (caller, Idempotency-Key)} create for a while (bounded, in memory), so a
 * retried create is replayed instead of made twice. A key is claimed before the upstream call and released
 * again if the call fails, so only successful answers are replayed.
 */
@ApplicationScoped
class IdempotencyStore {

    /** What a claim found. */
    sealed interface Claim permits Claim.Fresh, Claim.Replay {
        /** The key is new: the caller makes the call, then {@link #complete} or {@link #release}. */
        record Fresh(String key, Entry entry) implements Claim {
        }

        /** The key was answered before, for the same body. */
        record Replay(Report report) implements Claim {
        }
    }

    /** A claimed key: the body's digest and, once answered, the answer. */
    record Entry(String bodyDigest, Report answer) {
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

    /** Claims the key for this body, or finds its answer; refuses a different body or a request in flight. */
    Claim claim(String caller, String idempotencyKey, String bodyDigest) {
        String key = caller + '\n' + idempotencyKey;
        Entry mine = new Entry(bodyDigest, null);
        Entry existing = entries.putIfAbsent(key, mine);
        if (existing == null) {
            return new Claim.Fresh(key, mine);
        }
        if (!existing.bodyDigest().equals(bodyDigest)) {
            throw new IdempotencyConflictException(IdempotencyConflictException.Kind.DIFFERENT_BODY);
        }
        if (existing.answer() == null) {
            throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_FLIGHT);
        }
        return new Claim.Replay(existing.answer());
    }

    void complete(Claim.Fresh claim, Report answer) {
        entries.replace(claim.key(), claim.entry(), new Entry(claim.entry().bodyDigest(), answer));
    }

    void release(Claim.Fresh claim) {
        entries.remove(claim.key(), claim.entry());
    }
}
