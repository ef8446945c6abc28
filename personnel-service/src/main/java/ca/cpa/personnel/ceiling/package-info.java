/**
 * The limits on how many CPA personnel may be deployed at once: each mission's ceiling (its
 * Ministerial Authorization in force, learnt from authorization-service's events) and the
 * program-wide cap over all missions. {@link ca.cpa.personnel.ceiling.Places} is where both
 * are enforced; planning a deployment counts the places taken under one lock and asks it.
 */
package ca.cpa.personnel.ceiling;
