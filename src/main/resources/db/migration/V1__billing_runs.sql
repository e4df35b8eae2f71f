-- Billing runs and their usage rows. Plain SQL that H2 2.x and PostgreSQL both run unchanged.

CREATE TABLE billing_run (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(36)  NOT NULL,
    period_start      DATE         NOT NULL,
    period_end        DATE         NOT NULL,
    report_level      VARCHAR(40)  NOT NULL,
    keep_report       BOOLEAN      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    -- tenant|start|end|level while the run is queued, running or done; NULL once failed or cancelled, so that
    -- (tenant, period, level) has at most one live run whichever replica is asked.
    live_key          VARCHAR(160) UNIQUE,
    created_by        VARCHAR(200) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    stage_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    deadline_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the tenant's report ids (JSON array) listed before the upstream create: a resumed run looks for its
    -- report among the new ones before it creates again
    reports_before    TEXT,
    report_id         VARCHAR(36),
    report_version    BIGINT,
    report_deleted    BOOLEAN      NOT NULL DEFAULT FALSE,
    stored_report_id  VARCHAR(36),
    report_format     VARCHAR(20),
    polls             INTEGER      NOT NULL DEFAULT 0,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    bytes_downloaded  BIGINT       NOT NULL DEFAULT 0,
    rows_parsed       BIGINT       NOT NULL DEFAULT 0,
    warnings          TEXT,
    cancel_requested  BOOLEAN      NOT NULL DEFAULT FALSE,
    failed_stage      VARCHAR(16),
    retryable         BOOLEAN,
    problem           TEXT,
    lease_owner       VARCHAR(100),
    lease_until       TIMESTAMP WITH TIME ZONE
);

CREATE INDEX billing_run_due ON billing_run (status, next_attempt_at);
CREATE INDEX billing_run_tenant_period ON billing_run (tenant_id, period_start);

CREATE TABLE billing_usage_row (
    run_id            VARCHAR(36)    NOT NULL,
    row_no            BIGINT         NOT NULL,
    tenant_id         VARCHAR(64),
    tenant_name       VARCHAR(1000),
    tenant_kind       VARCHAR(64),
    offering_item     VARCHAR(500),
    sku               VARCHAR(500),
    billable_quantity NUMERIC(38, 10),
    billable_unit     VARCHAR(64),
    -- the whole row as the usage endpoint answers it (snake_case JSON): the record of what was billed
    row_json          TEXT           NOT NULL,
    PRIMARY KEY (run_id, row_no)
);

CREATE INDEX billing_usage_row_tenant ON billing_usage_row (run_id, tenant_id);
