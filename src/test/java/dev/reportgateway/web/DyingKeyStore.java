package dev.reportgateway.web;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import dev.reportgateway.store.Database;
import dev.reportgateway.store.IdempotencyKeyStore;

/**
 * The idempotency table in {@code @QuarkusTest}s: the real one, except that a test can have the gateway die before it
 * stores its next answer. The request then ends where a killed process would: nothing after the upstream call runs
 * (an {@link Error}, which no code path catches), and the key stays held with the attempt stored before the call.
 */
@Alternative
@Priority(1)
@Singleton
public class DyingKeyStore extends IdempotencyKeyStore {

    private volatile boolean dying;

    DyingKeyStore(Database database, Clock clock) {
        super(database, clock);
    }

    /** The next answer is not stored: the gateway dies instead. */
    void dieBeforeTheNextAnswer() {
        dying = true;
    }

    /** Back to the real store. */
    void live() {
        dying = false;
    }

    @Override
    public boolean complete(Claim claim, String answer, Instant expiresAt) {
        if (dying) {
            dying = false;
            throw new Died();
        }
        return super.complete(claim, answer, expiresAt);
    }

    /** The gateway's death, as far as the request that met it can tell. */
    static final class Died extends Error {
        private static final long serialVersionUID = 1L;

        Died() {
            super("the gateway died (test)", null, false, false);
        }
    }
}
