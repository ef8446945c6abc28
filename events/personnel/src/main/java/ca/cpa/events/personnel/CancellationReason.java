package ca.cpa.events.personnel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a planned deployment was cancelled: WITHDRAWN_BY_OFFICER, MEDICAL, OPERATIONAL, or MISSION_CLOSED (the mission closed before the officer left)")
public enum CancellationReason {
    WITHDRAWN_BY_OFFICER, MEDICAL, OPERATIONAL, MISSION_CLOSED
}
