package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.MissionStatus;
import ca.cpa.personnel.ceiling.Places;

/**
 * What planning a deployment is measured against besides the candidacy, its request and the
 * deployment it replaces, read under the planning lock.
 *
 * @param missionStatus the mission's status as last announced, null when it was never announced here
 * @param candidacyDeployed the candidacy already has a deployment
 * @param officerOnTour the officer has a deployment PLANNED or IN_THEATRE
 * @param trainedBeforeStart the officer passed a pre-deployment course that ended in the 12 months before the start
 * @param replacedAlready the deployment to be replaced already has a replacement (not cancelled)
 * @param places the places taken under the mission's ceiling and the program cap
 */
public record PlanningFacts(MissionStatus missionStatus, boolean candidacyDeployed, boolean officerOnTour,
                            boolean trainedBeforeStart, boolean replacedAlready, Places places) {
}
