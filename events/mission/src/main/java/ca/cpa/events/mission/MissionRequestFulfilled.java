package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** Every position of an authorized request has its officers in theatre. */
public record MissionRequestFulfilled(@NotNull UUID missionRequestId, @NotNull UUID missionId,
                                      Integer officersInTheatre, Instant fulfilledAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.mission-request.fulfilled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return missionRequestId.toString();
    }
}
