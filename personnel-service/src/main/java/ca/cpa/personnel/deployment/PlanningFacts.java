package ca.cpa.personnel.deployment;

import ca.cpa.personnel.ceiling.Places;

/**
 * What planning a deployment is measured against besides the candidacy and its request, read
 * under the planning lock.
 *
 * @param candidacyDeployed the candidacy already has a deployment
 * @param officerOnTour the officer has a deployment PLANNED or IN_THEATRE
 * @param trainedBeforeStart the officer passed a pre-deployment course that ended in the 12 months before the start
 * @param places the places taken under the mission's ceiling and the program cap
 */
public record PlanningFacts(boolean candidacyDeployed, boolean officerOnTour, boolean trainedBeforeStart,
                            Places places) {
}
