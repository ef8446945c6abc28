-- Partner agencies: the police services officers come from. The RCMP is there from the start.
CREATE TABLE police_service (
    code       TEXT PRIMARY KEY,
    name_en    TEXT        NOT NULL,
    name_fr    TEXT        NOT NULL,
    province   TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
INSERT INTO police_service (code, name_en, name_fr, province, created_at)
VALUES ('RCMP', 'Royal Canadian Mounted Police', 'Gendarmerie royale du Canada', NULL, now());

-- Officers: personal information, read only by personnel officers and auditors.
CREATE TABLE officer (
    id                  UUID PRIMARY KEY,
    police_service_code TEXT        NOT NULL REFERENCES police_service (code),
    service_number      TEXT        NOT NULL,
    given_name          TEXT        NOT NULL,
    family_name         TEXT        NOT NULL,
    member_type         TEXT        NOT NULL,
    rank                TEXT        NOT NULL,
    years_of_service    INTEGER     NOT NULL CHECK (years_of_service >= 0),
    languages           VARCHAR(8)[]  NOT NULL,
    specialties         VARCHAR(40)[] NOT NULL,
    clearance_level     TEXT,
    clearance_expiry    DATE,
    medical_expiry      DATE,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL,
    CONSTRAINT officer_service_number_unique UNIQUE (police_service_code, service_number)
);

-- Who read or changed which officer record, and when.
CREATE TABLE officer_access (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    officer_id UUID        NOT NULL,
    action     TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    actor_role TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX officer_access_officer ON officer_access (officer_id, id);

-- Mission requests as mission-service and authorization-service announce them.
CREATE TABLE known_request (
    id              UUID PRIMARY KEY,
    mission_id      UUID        NOT NULL,
    status          TEXT        NOT NULL,
    duration_months INTEGER     NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE TABLE known_request_position (
    request_id           UUID    NOT NULL REFERENCES known_request (id),
    role                 TEXT    NOT NULL,
    count                INTEGER NOT NULL,
    languages            TEXT[]  NOT NULL,
    min_years_of_service INTEGER NOT NULL,
    member_type          TEXT    NOT NULL,
    PRIMARY KEY (request_id, role)
);

-- Each mission's ceiling in force, from authorization-service's grants.
CREATE TABLE mission_ceiling (
    mission_id           UUID PRIMARY KEY,
    ceiling              INTEGER NOT NULL,
    authorization_number INTEGER NOT NULL
);

-- One row whose lock serializes deployment planning, so the ceilings hold under any concurrency.
CREATE TABLE deployment_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT INTO deployment_lock (id) VALUES (1);

CREATE TABLE candidacy (
    id                 UUID PRIMARY KEY,
    officer_id         UUID        NOT NULL REFERENCES officer (id),
    mission_request_id UUID        NOT NULL REFERENCES known_request (id),
    role               TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    reasons            TEXT[]      NOT NULL,
    nominated_by       TEXT        NOT NULL,
    nominated_at       TIMESTAMPTZ NOT NULL,
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    version            BIGINT      NOT NULL,
    CONSTRAINT candidacy_unique UNIQUE (officer_id, mission_request_id, role)
);
CREATE INDEX candidacy_request ON candidacy (mission_request_id, role, status);

CREATE TABLE training_course (
    id         UUID PRIMARY KEY,
    title      TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    start_date DATE        NOT NULL,
    end_date   DATE        NOT NULL,
    capacity   INTEGER     NOT NULL CHECK (capacity >= 1),
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (end_date >= start_date)
);

CREATE TABLE enrolment (
    id          UUID PRIMARY KEY,
    course_id   UUID        NOT NULL REFERENCES training_course (id),
    officer_id  UUID        NOT NULL REFERENCES officer (id),
    outcome     TEXT,
    enrolled_at TIMESTAMPTZ NOT NULL,
    result_at   TIMESTAMPTZ,
    version     BIGINT      NOT NULL,
    CONSTRAINT enrolment_unique UNIQUE (course_id, officer_id)
);

CREATE TABLE deployment (
    id                 UUID PRIMARY KEY,
    candidacy_id       UUID        NOT NULL UNIQUE REFERENCES candidacy (id),
    officer_id         UUID        NOT NULL REFERENCES officer (id),
    mission_id         UUID        NOT NULL,
    mission_request_id UUID        NOT NULL,
    role               TEXT        NOT NULL,
    start_date         DATE        NOT NULL,
    end_date           DATE        NOT NULL,
    status             TEXT        NOT NULL,
    arrival_date       DATE,
    return_date        DATE,
    return_reason      TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL,
    CHECK (end_date > start_date)
);
CREATE INDEX deployment_active_mission ON deployment (mission_id) WHERE status IN ('PLANNED', 'IN_THEATRE');
-- An officer is in at most one planned or current deployment.
CREATE UNIQUE INDEX deployment_one_active_per_officer ON deployment (officer_id) WHERE status IN ('PLANNED', 'IN_THEATRE');

CREATE TABLE check_in (
    id            UUID PRIMARY KEY,
    deployment_id UUID        NOT NULL REFERENCES deployment (id),
    wellbeing     TEXT        NOT NULL,
    notes         TEXT,
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX check_in_deployment ON check_in (deployment_id, recorded_at);
