-- Missions this service has heard of (from mission-service's events), so amendments name real ones.
CREATE TABLE known_mission (
    id   UUID PRIMARY KEY,
    code TEXT
);

CREATE TABLE authorization_case (
    id                 UUID PRIMARY KEY,
    kind               TEXT        NOT NULL,
    mission_id         UUID        NOT NULL REFERENCES known_mission (id),
    mission_request_id UUID,
    proposed_ceiling   INTEGER     NOT NULL CHECK (proposed_ceiling >= 0),
    ceiling_at_opening INTEGER     NOT NULL CHECK (ceiling_at_opening >= 0),
    rationale          TEXT,
    status             TEXT        NOT NULL,
    opened_by          TEXT        NOT NULL,
    opened_at          TIMESTAMPTZ NOT NULL,
    granted_ceiling    INTEGER,
    closed_at          TIMESTAMPTZ,
    version            BIGINT      NOT NULL
);
-- One deployment case per mission request, however often its submission is announced.
CREATE UNIQUE INDEX authorization_case_request ON authorization_case (mission_request_id) WHERE mission_request_id IS NOT NULL;
CREATE INDEX authorization_case_mission ON authorization_case (mission_id, status);
CREATE INDEX authorization_case_pending ON authorization_case (opened_at) WHERE status = 'PENDING';

-- One decision per partner per case, enforced by the database too.
CREATE TABLE case_decision (
    case_id    UUID        NOT NULL REFERENCES authorization_case (id),
    partner    TEXT        NOT NULL,
    verdict    TEXT        NOT NULL,
    rationale  TEXT,
    decided_by TEXT        NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, partner)
);

-- Each mission's ceilings, numbered from 1; the highest number is in force.
CREATE TABLE ministerial_authorization (
    id             UUID PRIMARY KEY,
    mission_id     UUID        NOT NULL REFERENCES known_mission (id),
    number         INTEGER     NOT NULL,
    ceiling        INTEGER     NOT NULL CHECK (ceiling >= 0),
    effective_date DATE        NOT NULL,
    case_id        UUID        NOT NULL REFERENCES authorization_case (id),
    recorded_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (mission_id, number)
);

-- The audit trail: every action on a case. Append-only, and the database sees to it.
CREATE TABLE case_history (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    UUID        NOT NULL REFERENCES authorization_case (id),
    action     TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    actor_role TEXT,
    partner    TEXT,
    verdict    TEXT,
    rationale  TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_history_case ON case_history (case_id, id);

CREATE FUNCTION case_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_history is an append-only audit trail: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER case_history_no_update_or_delete BEFORE UPDATE OR DELETE ON case_history
    FOR EACH ROW EXECUTE FUNCTION case_history_is_append_only();
CREATE TRIGGER case_history_no_truncate BEFORE TRUNCATE ON case_history
    FOR EACH STATEMENT EXECUTE FUNCTION case_history_is_append_only();
