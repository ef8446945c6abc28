package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record MissionRequestReceived(@NotNull UUID missionRequestId, @NotNull UUID missionId,
                                     Organization requestingOrganization, List<Position> positions,
                                     Integer durationMonths, Instant receivedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.mission-request.received.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return missionRequestId.toString();
    }
}
