-- Missions as mission-service announces them: may officers deploy there now, and until when.
CREATE TABLE known_mission (
    id          UUID PRIMARY KEY,
    code        TEXT,
    status      TEXT        NOT NULL,
    mandate_end DATE,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- A planned deployment may be cancelled, a tour extended, and an officer replaced by another.
ALTER TABLE deployment ADD COLUMN cancellation_reason TEXT;
ALTER TABLE deployment ADD COLUMN cancellation_note TEXT;
ALTER TABLE deployment ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE deployment ADD COLUMN replaces_deployment_id UUID REFERENCES deployment (id);
ALTER TABLE deployment ADD COLUMN original_end_date DATE;
ALTER TABLE deployment ADD COLUMN extension_justification TEXT;
ALTER TABLE deployment ADD COLUMN extended_at TIMESTAMPTZ;
-- A deployment is replaced once (a cancelled replacement does not count).
CREATE UNIQUE INDEX deployment_replaced_once ON deployment (replaces_deployment_id)
    WHERE replaces_deployment_id IS NOT NULL AND status <> 'CANCELLED';
CREATE INDEX deployment_officer ON deployment (officer_id, start_date);

-- A candidate may be released before deploying: the position's place is free again.
ALTER TABLE candidacy ADD COLUMN release_reason TEXT;
ALTER TABLE candidacy ADD COLUMN released_by TEXT;
ALTER TABLE candidacy ADD COLUMN released_at TIMESTAMPTZ;
