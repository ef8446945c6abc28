package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

public record MissionStatusChanged(@NotNull UUID missionId, String code, MissionStatus previousStatus,
                                   @NotNull MissionStatus status, Instant changedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.mission.status-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return missionId.toString();
    }
}
