/**
 * The events mission-service publishes on {@code cpa.mission.events}: one record per
 * CloudEvents type, its components the event's JSON data. mission-service builds them; the
 * services that consume them read them into the same records, and the constraints below are
 * what a consumer checks before it acts (an event that breaks them goes to its dead-letter
 * topic). The JSON Schemas in the {@code contracts} module describe the same data.
 */
package ca.cpa.events.mission;
