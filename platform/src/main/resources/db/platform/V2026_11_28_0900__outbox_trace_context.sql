-- The trace (W3C traceparent) of the request or event that caused each outbox event, so the
-- published event continues that trace (CloudEvents distributed-tracing extension).
ALTER TABLE outbox_message ADD COLUMN traceparent varchar(55);
