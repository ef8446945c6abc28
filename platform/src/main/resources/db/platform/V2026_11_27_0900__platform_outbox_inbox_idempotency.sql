-- Tables every domain service has, owned by the platform module.

-- Events waiting to be published, in the same transaction as the change they announce.
CREATE TABLE outbox_message (
    position     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL,
    published_at TIMESTAMPTZ
);
-- The relay only ever looks for what is still unpublished.
CREATE INDEX outbox_message_unpublished ON outbox_message (position) WHERE published_at IS NULL;

-- Ids of consumed events, recorded in the transaction that applied them.
CREATE TABLE inbox_event (
    event_id    UUID PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

-- Creates sent with an Idempotency-Key, and the response they got.
CREATE TABLE idempotency_key (
    scope           TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    status          INTEGER,
    location        TEXT,
    version         BIGINT,
    body            TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
