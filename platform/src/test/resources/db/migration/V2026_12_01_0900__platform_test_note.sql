-- The test application's own table. The platform's tables (outbox_message, inbox_event,
-- idempotency_key) come from the platform module's own migrations in db/platform, exactly as
-- every service gets them, so they are not repeated here.

-- What the test application's "domain" writes: a note per outbox publication (in the same
-- transaction) and per inbound event applied (in the transaction that records it in the inbox).
CREATE TABLE platform_test_note (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject  TEXT NOT NULL,
    event_id UUID,
    text     TEXT NOT NULL
);
CREATE INDEX platform_test_note_subject ON platform_test_note (subject);
