package ca.cpa.personnel.deployment;

import ca.cpa.events.personnel.ReturnReason;

/**
 * Fired, in the repatriation's transaction, when an officer comes home before the end of the
 * tour: welfare support records it as an urgent contact and raises an alert.
 */
public record ReturnedEarly(Deployment deployment, ReturnReason reason, String recordedBy) {
}
