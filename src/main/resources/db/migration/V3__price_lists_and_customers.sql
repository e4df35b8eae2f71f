-- Price lists (every version kept) and the customer mapping of invoices. Plain SQL that H2 2.x and PostgreSQL
-- both run unchanged.

-- One row per price list name: the last version it was given, kept after a DELETE so that a name used again
-- never reuses a version number (an invoice names the version it was priced with).
CREATE TABLE price_list (
    name            VARCHAR(100) NOT NULL PRIMARY KEY,
    latest_version  INTEGER      NOT NULL,
    deleted         BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE price_list_version (
    name        VARCHAR(100) NOT NULL,
    version     INTEGER      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    -- SHA-256 (hex) of items, so that an invoice can show which prices it used
    digest      VARCHAR(64)  NOT NULL,
    -- the validated items as JSON (decimals as text): the price list as it was put
    items       TEXT         NOT NULL,
    PRIMARY KEY (name, version)
);

-- The customer ids of the PSA or accounting tool, per tenant.
CREATE TABLE billing_customer (
    tenant_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    external_id  VARCHAR(200) NOT NULL,
    name         VARCHAR(500),
    currency     VARCHAR(3),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
