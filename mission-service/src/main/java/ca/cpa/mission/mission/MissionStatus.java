package ca.cpa.mission.mission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumSet;
import java.util.Set;

/** Where a mission stands: planned, active, suspended for a while, or closed for good. */
@Schema(description = "PLANNED (new), ACTIVE (officers may deploy), SUSPENDED, CLOSED (final)")
public enum MissionStatus {
    PLANNED, ACTIVE, SUSPENDED, CLOSED;

    public Set<MissionStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, CLOSED);
            case ACTIVE -> EnumSet.of(SUSPENDED, CLOSED);
            case SUSPENDED -> EnumSet.of(ACTIVE, CLOSED);
            case CLOSED -> EnumSet.noneOf(MissionStatus.class);
        };
    }
}
