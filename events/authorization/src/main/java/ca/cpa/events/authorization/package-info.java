/**
 * The events authorization-service publishes on {@code cpa.authorization.events}, the subject
 * being the case: one record per CloudEvents type, used by the producer and by every consumer.
 * The constraints are what a consumer checks before it acts.
 */
package ca.cpa.events.authorization;
