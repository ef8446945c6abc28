-- A request's positions are kept as mission-service announced them (the event's own shape),
-- one JSON array on the request instead of a table that copied its columns.
ALTER TABLE known_request ADD COLUMN positions JSONB NOT NULL DEFAULT '[]';

UPDATE known_request r
SET positions = (SELECT jsonb_agg(jsonb_build_object(
                            'role', p.role,
                            'count', p.count,
                            'languages', to_jsonb(p.languages),
                            'minYearsOfService', p.min_years_of_service,
                            'memberType', p.member_type) ORDER BY p.role)
                 FROM known_request_position p
                 WHERE p.request_id = r.id)
WHERE EXISTS (SELECT 1 FROM known_request_position p WHERE p.request_id = r.id);

DROP TABLE known_request_position;
