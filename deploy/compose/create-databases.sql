-- Each service owns a database of its own on the one PostgreSQL server (docs/operations.md);
-- Flyway in each service creates its tables at start.
CREATE DATABASE cpa_mission;
CREATE DATABASE cpa_personnel;
CREATE DATABASE cpa_authorization;
CREATE DATABASE cpa_reporting;
CREATE DATABASE cpa_webhook;
