-- Partners' subscriptions: where to deliver which event types, and the signing secret, stored
-- encrypted (AES-256-GCM with a key from configuration; a dump of this table does not reveal it).
CREATE TABLE webhook_subscription (
    id                          uuid PRIMARY KEY,
    url                         varchar(2048) NOT NULL,
    description                 varchar(500),
    -- the requesting partner's organization (its token's org claim); null for CPA staff, who
    -- receive every event of the types they chose
    organization                varchar(200),
    created_by                  varchar(200) NOT NULL,
    created_at                  timestamptz  NOT NULL,
    status                      varchar(20)  NOT NULL,
    failing_since               timestamptz,
    disabled_at                 timestamptz,
    disabled_reason             varchar(1000),
    secret                      bytea        NOT NULL,
    previous_secret             bytea,
    previous_secret_expires_at  timestamptz,
    version                     bigint       NOT NULL
);
CREATE INDEX webhook_subscription_by_organization ON webhook_subscription (organization, created_at);

CREATE TABLE webhook_subscription_event_type (
    subscription_id uuid         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_type      varchar(200) NOT NULL,
    PRIMARY KEY (subscription_id, event_type)
);
CREATE INDEX webhook_subscription_event_type_by_type ON webhook_subscription_event_type (event_type);

-- Each consumed event once, as it is delivered: the CloudEvent in structured JSON mode.
CREATE TABLE webhook_event (
    id          uuid PRIMARY KEY,
    type        varchar(200) NOT NULL,
    subject     varchar(200) NOT NULL,
    body        text         NOT NULL,
    received_at timestamptz  NOT NULL
);

-- One delivery per event and subscription, recorded in the transaction that consumed the
-- event: nothing is lost while this service or the partner is down. A replica takes a due
-- delivery by leasing it; per subscription and subject, only the oldest pending one is due.
CREATE TABLE webhook_delivery (
    id                 uuid PRIMARY KEY,
    sequence           bigint GENERATED ALWAYS AS IDENTITY,
    subscription_id    uuid         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id           uuid         NOT NULL REFERENCES webhook_event (id),
    event_type         varchar(200) NOT NULL,
    subject            varchar(200) NOT NULL,
    status             varchar(20)  NOT NULL,
    attempts           integer      NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL,
    retry_from         timestamptz  NOT NULL,
    next_attempt_at    timestamptz  NOT NULL,
    leased_until       timestamptz,
    lease_owner        uuid,
    last_attempt_at    timestamptz,
    last_response_code integer,
    last_error         varchar(1000),
    delivered_at       timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_pending_by_subject ON webhook_delivery (subscription_id, subject, sequence)
    WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, sequence DESC);
CREATE INDEX webhook_delivery_by_event ON webhook_delivery (event_id);

-- Which organization filed each mission request: a requesting partner receives only the events
-- about its own organization's requests.
CREATE TABLE webhook_request_owner (
    mission_request_id uuid PRIMARY KEY,
    organization       varchar(200) NOT NULL
);

-- Events about a request whose organization is not known yet (the topics are consumed
-- independently): matched to partners' subscriptions, in this order, once it is.
CREATE TABLE webhook_unowned_event (
    sequence           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id           uuid NOT NULL REFERENCES webhook_event (id),
    mission_request_id uuid NOT NULL
);
CREATE INDEX webhook_unowned_event_by_request ON webhook_unowned_event (mission_request_id, sequence);
