package dev.reportgateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The {@code idempotency_key} table: which request holds a key, the answer to replay, and what a request recorded
 * before its upstream call. Shared by every replica; the database decides every race (the primary key on insert,
 * a row lock on a key that is already there), nothing in this JVM does. Every write after a claim is fenced by
 * the claim's owner token: a request that lost its claim (it ran past {@code owned_until} and another request
 * took the key over) changes nothing. Keys, bodies and answers are strings, so any feature can use the table
 * under its own scope.
 */
@Singleton
public class IdempotencyKeyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyStore.class);
    /** The SQL state of a unique constraint violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String WHERE_KEY = " WHERE scope = ? AND caller = ? AND idem_key = ?";
    private static final String WHERE_OWNED = WHERE_KEY + " AND owner = ?";

    private final Database database;
    private final Clock clock;

    public IdempotencyKeyStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A key: the feature it belongs to ({@code report-create}, {@code billing-run}), whose it is, and the key sent. */
    public record Key(String scope, String caller, String key) {
    }

    /** What {@link #claim} found. */
    public enum Outcome {
        /** The caller holds the key now; {@link Claim#attempt()} is what an earlier holder recorded, if anything. */
        OWNED,
        /** The key has its answer ({@link Claim#answer()}), for the same body. */
        ANSWERED,
        /** The key was first used with another body. */
        DIFFERENT_BODY,
        /** Another request holds the key, and its claim has not run out. */
        IN_FLIGHT
    }

    /**
     * A claim's result. {@code owner} (the claim's token, which every later write of it names) is set when
     * {@link Outcome#OWNED}; {@code answer} when {@link Outcome#ANSWERED}; {@code attempt} may be set when owned.
     */
    public record Claim(Key key, Outcome outcome, String owner, String answer, String attempt) {
    }

    /**
     * Claims {@code key} for a request with this body until {@code ownedUntil}; the row lives until {@code expiresAt}.
     * A key that is free, expired (never replayed), left with an unknown outcome or held by a claim that ran out
     * is {@link Outcome#OWNED}; a key taken over that way keeps the attempt its earlier holder recorded.
     */
    public Claim claim(Key key, String bodyDigest, Instant now, Instant ownedUntil, Instant expiresAt) {
        String owner = UUID.randomUUID().toString();
        try (Connection connection = database.dataSource().getConnection()) {
            while (true) {
                if (insert(connection, key, bodyDigest, owner, ownedUntil, expiresAt)) {
                    return new Claim(key, Outcome.OWNED, owner, null, null);
                }
                Claim found = decide(connection, key, bodyDigest, owner, now, ownedUntil, expiresAt);
                if (found != null) {
                    return found;
                }
                // the key was released or purged between the insert and the read: insert again
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot claim idempotency key", failed);
        }
    }

    /**
     * Records what the holder is about to do upstream ({@code attempt}, JSON) and holds the key until
     * {@code ownedUntil}; false when the claim was lost, and then the holder must not make its call.
     */
    public boolean recordAttempt(Claim claim, String attempt, Instant ownedUntil) {
        return update(claim, "UPDATE idempotency_key SET attempt = ?, owned_until = ?" + WHERE_OWNED, attempt, ownedUntil);
    }

    /** Stores the answer (replayed until {@code expiresAt}) and frees the key of its holder; false when the claim was lost. */
    public boolean complete(Claim claim, String answer, Instant expiresAt) {
        return update(claim, "UPDATE idempotency_key SET answer = ?, attempt = NULL, owner = NULL, owned_until = NULL, expires_at = ?"
                + WHERE_OWNED, answer, expiresAt);
    }

    /**
     * The outcome of the recorded attempt is unknown: the key stays taken with its attempt until {@code expiresAt},
     * held by nobody, and the next claim resumes from it. False when the claim was lost.
     */
    public boolean unknown(Claim claim, Instant expiresAt) {
        return update(claim, "UPDATE idempotency_key SET owner = NULL, owned_until = NULL, expires_at = ?" + WHERE_OWNED, expiresAt);
    }

    /** Deletes the key: its request provably made nothing, and a retry starts afresh. False when the claim was lost. */
    public boolean release(Claim claim) {
        return update(claim, "DELETE FROM idempotency_key" + WHERE_OWNED);
    }

    /** Deletes the keys of every scope that expired by {@code now}, unless a live claim still holds them; answers how many. */
    public int purgeExpired(Instant now) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key WHERE expires_at <= ?"
                        + " AND (owned_until IS NULL OR owned_until <= ?)")) {
            RunStore.setInstant(delete, 1, now);
            RunStore.setInstant(delete, 2, now);
            return delete.executeUpdate();
        } catch (SQLException failed) {
            throw new StoreException("Cannot purge expired idempotency keys", failed);
        }
    }

    /** The hourly purge, on every replica (expired keys are never replayed, deleted yet or not). */
    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = purgeExpired(clock.instant());
        if (purged > 0) {
            LOG.debugf("Purged %d expired idempotency keys", purged);
        }
    }

    /** Inserts the key as owned; false when it is already there. */
    private static boolean insert(Connection connection, Key key, String bodyDigest, String owner, Instant ownedUntil,
            Instant expiresAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key (scope, caller, idem_key, "
                + "body_digest, owner, owned_until, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindKey(insert, 1, key);
            insert.setString(4, bodyDigest);
            insert.setString(5, owner);
            RunStore.setInstant(insert, 6, ownedUntil);
            RunStore.setInstant(insert, 7, expiresAt);
            insert.executeUpdate();
            return true;
        } catch (SQLException duplicate) {
            if (UNIQUE_VIOLATION.equals(duplicate.getSQLState())) {
                return false;
            }
            throw duplicate;
        }
    }

    /** Reads the key's row under a row lock and decides the claim; null when the row is gone. */
    private static Claim decide(Connection connection, Key key, String bodyDigest, String owner, Instant now, Instant ownedUntil,
            Instant expiresAt) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Claim claim = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT body_digest, answer, attempt, owned_until, "
                    + "expires_at FROM idempotency_key" + WHERE_KEY + " FOR UPDATE")) {
                bindKey(select, 1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        claim = decide(connection, key, bodyDigest, owner, now, ownedUntil, expiresAt, row);
                    }
                }
            }
            connection.commit();
            return claim;
        } catch (SQLException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Claim decide(Connection connection, Key key, String bodyDigest, String owner, Instant now, Instant ownedUntil,
            Instant expiresAt, ResultSet row) throws SQLException {
        Instant heldUntil = RunStore.instant(row, "owned_until");
        boolean held = heldUntil != null && heldUntil.isAfter(now);
        if (!held && !RunStore.instant(row, "expires_at").isAfter(now)) { // expired: as if it were not there
            take(connection, key, bodyDigest, null, owner, ownedUntil, expiresAt);
            return new Claim(key, Outcome.OWNED, owner, null, null);
        }
        if (!row.getString("body_digest").equals(bodyDigest)) {
            return new Claim(key, Outcome.DIFFERENT_BODY, null, null, null);
        }
        String answer = row.getString("answer");
        if (answer != null) {
            return new Claim(key, Outcome.ANSWERED, null, answer, null);
        }
        if (held) {
            return new Claim(key, Outcome.IN_FLIGHT, null, null, null);
        }
        String attempt = row.getString("attempt");
        take(connection, key, bodyDigest, attempt, owner, ownedUntil, expiresAt);
        return new Claim(key, Outcome.OWNED, owner, null, attempt);
    }

    /** Gives the locked row to {@code owner}, with no answer and {@code attempt}. */
    private static void take(Connection connection, Key key, String bodyDigest, String attempt, String owner, Instant ownedUntil,
            Instant expiresAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE idempotency_key SET body_digest = ?, answer = NULL, "
                + "attempt = ?, owner = ?, owned_until = ?, expires_at = ?" + WHERE_KEY)) {
            update.setString(1, bodyDigest);
            update.setString(2, attempt);
            update.setString(3, owner);
            RunStore.setInstant(update, 4, ownedUntil);
            RunStore.setInstant(update, 5, expiresAt);
            bindKey(update, 6, key);
            update.executeUpdate();
        }
    }

    /** Runs a write fenced by the claim's owner: {@code values} (texts and instants) first, then the key and the owner. */
    private boolean update(Claim claim, String sql, Object... values) {
        if (claim.owner() == null) {
            throw new IllegalArgumentException("Not an owned claim: " + claim.outcome());
        }
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            int next = 1;
            for (Object value : values) {
                if (value instanceof Instant instant) {
                    RunStore.setInstant(update, next++, instant);
                } else {
                    update.setString(next++, (String) value);
                }
            }
            bindKey(update, next, claim.key());
            update.setString(next + 3, claim.owner());
            return update.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new StoreException("Cannot write idempotency key", failed);
        }
    }

    private static void bindKey(PreparedStatement statement, int first, Key key) throws SQLException {
        statement.setString(first, key.scope());
        statement.setString(first + 1, key.caller());
        statement.setString(first + 2, key.key());
    }
}
