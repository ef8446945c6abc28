package ca.cpa.events.mission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a mission stands: planned, active, suspended for a while, or closed for good. */
@Schema(description = "PLANNED (new), ACTIVE (officers may deploy), SUSPENDED, CLOSED (final)")
public enum MissionStatus {
    PLANNED, ACTIVE, SUSPENDED, CLOSED
}
