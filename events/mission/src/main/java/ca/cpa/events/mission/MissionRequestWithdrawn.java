package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

public record MissionRequestWithdrawn(@NotNull UUID missionRequestId, @NotNull UUID missionId,
                                      RequestStatus previousStatus, String reason, Instant withdrawnAt)
        implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.mission-request.withdrawn.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return missionRequestId.toString();
    }
}
