package ca.cpa.events.authorization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A DEPLOYMENT case decides a submitted mission request; a CEILING_AMENDMENT changes a mission's ceiling. */
@Schema(description = "DEPLOYMENT: opened by a submitted mission request; CEILING_AMENDMENT: opened by a planner to change a mission's ceiling")
public enum CaseKind {
    DEPLOYMENT, CEILING_AMENDMENT
}
