-- The Program's read model. Two parts:
--  * what the events build (reported_mission, reported_deployment, read_model_position, and the
--    platform's inbox_event): derived data, dropped and replayed from the topics at will;
--  * imported history (history_import, historical_deployment): the record of what was imported,
--    which no topic holds, kept like any other owned data.

-- Missions as their events describe them, and their Ministerial Authorization ceiling.
CREATE TABLE reported_mission (
    mission_id           UUID PRIMARY KEY,
    code                 TEXT,
    host_country         CHAR(2),
    status               TEXT,
    authorized_ceiling   INTEGER,
    -- ceilings are granted in cases that may sit on different partitions: the highest number wins
    authorization_number INTEGER
);

-- Deployments since this suite went live, as personnel-service's events describe them.
CREATE TABLE reported_deployment (
    deployment_id       UUID PRIMARY KEY,
    officer_id          UUID,
    mission_id          UUID NOT NULL,
    police_service_code TEXT,
    member_type         TEXT,
    status              TEXT NOT NULL,
    start_date          DATE,
    end_date            DATE,
    arrival_date        DATE,
    return_date         DATE
);
CREATE INDEX reported_deployment_current ON reported_deployment (mission_id, status)
    WHERE status IN ('PLANNED', 'IN_THEATRE');

-- Up to when the figures go: the time of the latest event applied; and a count of the events
-- applied, which names the figures' state (a replica's cached report is current while it holds).
CREATE TABLE read_model_position (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    last_event_at  TIMESTAMPTZ,
    events_applied BIGINT NOT NULL
);
INSERT INTO read_model_position (id, last_event_at, events_applied) VALUES (1, NULL, 0);

-- One import of a history file (a dry run keeps none).
CREATE TABLE history_import (
    id                     UUID PRIMARY KEY,
    status                 TEXT        NOT NULL,
    media_type             TEXT        NOT NULL,
    content_sha256         TEXT        NOT NULL,
    rows_read              INTEGER     NOT NULL,
    rows_imported          INTEGER     NOT NULL,
    rows_already_imported  INTEGER     NOT NULL,
    rows_rejected          INTEGER     NOT NULL,
    errors                 JSONB       NOT NULL,
    imported_by            TEXT        NOT NULL,
    imported_at            TIMESTAMPTZ NOT NULL
);

-- Deployments before this suite, one row each. officer_ref is a pseudonymous key, never a name.
-- The same deployment imported twice (same officer, mission and start) is kept once.
CREATE TABLE historical_deployment (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id            UUID NOT NULL REFERENCES history_import (id),
    mission_code         TEXT NOT NULL,
    mission_name         TEXT NOT NULL,
    host_country         CHAR(2) NOT NULL,
    partner_organization TEXT,
    police_service_code  TEXT NOT NULL,
    officer_ref          TEXT NOT NULL,
    member_type          TEXT NOT NULL,
    start_date           DATE NOT NULL,
    end_date             DATE NOT NULL,
    CONSTRAINT historical_deployment_once UNIQUE (officer_ref, mission_code, start_date)
);
CREATE INDEX historical_deployment_import ON historical_deployment (import_id);

-- Every deployment that took place, imported or live, in one shape: the history report's source.
-- A live deployment counts from its arrival in theatre; its officer's key is the opaque officer id.
CREATE VIEW deployment_record AS
SELECT officer_ref AS officer_key, mission_code AS mission_key, host_country, start_date
FROM historical_deployment
UNION ALL
SELECT d.officer_id::text, coalesce(m.code, d.mission_id::text), m.host_country, d.arrival_date
FROM reported_deployment d
         LEFT JOIN reported_mission m ON m.mission_id = d.mission_id
WHERE d.arrival_date IS NOT NULL;
