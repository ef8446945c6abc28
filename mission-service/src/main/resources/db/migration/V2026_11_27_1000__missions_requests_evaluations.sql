CREATE TABLE mission (
    id                   UUID PRIMARY KEY,
    code                 TEXT        NOT NULL,
    name_en              TEXT        NOT NULL,
    name_fr              TEXT        NOT NULL,
    host_country         CHAR(2)     NOT NULL,
    type                 TEXT        NOT NULL,
    partner_organization TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    authorized_ceiling   INTEGER     NOT NULL DEFAULT 0 CHECK (authorized_ceiling >= 0),
    deployed_strength    INTEGER     NOT NULL DEFAULT 0 CHECK (deployed_strength >= 0),
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL,
    CONSTRAINT mission_code_unique UNIQUE (code)
);
CREATE INDEX mission_status ON mission (status);
CREATE INDEX mission_host_country ON mission (host_country);

CREATE TABLE mission_evaluation (
    id              UUID PRIMARY KEY,
    mission_id      UUID        NOT NULL REFERENCES mission (id),
    kind            TEXT        NOT NULL,
    evaluation_date DATE        NOT NULL,
    rating          TEXT        NOT NULL,
    summary         TEXT        NOT NULL,
    recommendations TEXT,
    evaluated_by    TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX mission_evaluation_mission ON mission_evaluation (mission_id, evaluation_date);

CREATE TABLE mission_request (
    id                 UUID PRIMARY KEY,
    mission_id         UUID        NOT NULL REFERENCES mission (id),
    organization_type  TEXT        NOT NULL,
    organization_name  TEXT        NOT NULL,
    organization_country CHAR(2),
    duration_months    INTEGER     NOT NULL,
    justification      TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    filed_by           TEXT        NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL,
    risk_level         TEXT,
    recommendation     TEXT,
    assessment_notes   TEXT,
    assessed_by        TEXT,
    assessed_at        TIMESTAMPTZ,
    submitted_by       TEXT,
    submitted_at       TIMESTAMPTZ,
    decided_at         TIMESTAMPTZ,
    authorization_case_id UUID,
    withdrawal_reason  TEXT,
    withdrawn_by       TEXT,
    withdrawn_at       TIMESTAMPTZ,
    fulfilled_at       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL
);
CREATE INDEX mission_request_mission ON mission_request (mission_id);
CREATE INDEX mission_request_status ON mission_request (status);
CREATE INDEX mission_request_organization ON mission_request (organization_name);
CREATE INDEX mission_request_received ON mission_request (received_at DESC, id);

CREATE TABLE requested_position (
    mission_request_id   UUID    NOT NULL REFERENCES mission_request (id),
    position_index       INTEGER NOT NULL,
    role                 TEXT    NOT NULL,
    count                INTEGER NOT NULL CHECK (count >= 1),
    languages            TEXT[]  NOT NULL,
    min_years_of_service INTEGER NOT NULL,
    member_type          TEXT    NOT NULL,
    in_theatre           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (mission_request_id, position_index)
);

-- Officers in theatre, as personnel-service's deployment events tell it (officers by id only).
CREATE TABLE theatre_presence (
    deployment_id      UUID PRIMARY KEY,
    mission_id         UUID        NOT NULL,
    mission_request_id UUID,
    role               TEXT,
    in_theatre         BOOLEAN     NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX theatre_presence_mission ON theatre_presence (mission_id) WHERE in_theatre;
CREATE INDEX theatre_presence_request ON theatre_presence (mission_request_id, role) WHERE in_theatre;
