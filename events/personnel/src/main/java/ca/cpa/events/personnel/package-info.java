/**
 * The events personnel-service publishes on {@code cpa.personnel.events}: one record per
 * CloudEvents type, used by the producer and by every consumer. Officers appear by id only:
 * no event carries personal information. The constraints are what a consumer checks before it
 * acts.
 */
package ca.cpa.events.personnel;
