-- Idempotency keys, shared by every replica: one row per (scope, caller, key). Plain SQL that H2 2.x and
-- PostgreSQL both run unchanged. The scope names the feature: report-create (answer: the report, as JSON),
-- billing-run (answer: a run id).

CREATE TABLE idempotency_key (
    scope        VARCHAR(40)  NOT NULL,
    caller       VARCHAR(200) NOT NULL,
    idem_key     VARCHAR(300) NOT NULL,
    -- SHA-256 (hex) of the request body the key was first used with
    body_digest  VARCHAR(64)  NOT NULL,
    -- the answer to replay, once there is one
    answer       TEXT,
    -- what the request recorded before its upstream call (JSON): a request that resumes the key after an
    -- unknown outcome or a dead owner looks for what that call made before it calls again
    attempt      TEXT,
    -- the claim that holds the key, and until when; past owned_until another request may take the key over
    owner        VARCHAR(100),
    owned_until  TIMESTAMP WITH TIME ZONE,
    -- from then on the key is free again (never replayed), and the hourly purge deletes the row
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, caller, idem_key)
);

CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
