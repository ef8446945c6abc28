package ca.cpa.events.personnel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A course officers take before deploying: the general pre-deployment one, or one for a mission. */
@Schema(description = "PRE_DEPLOYMENT: required before any deployment (passed in the 12 months before it starts); MISSION_SPECIFIC: for one mission")
public enum TrainingKind {
    PRE_DEPLOYMENT, MISSION_SPECIFIC
}
