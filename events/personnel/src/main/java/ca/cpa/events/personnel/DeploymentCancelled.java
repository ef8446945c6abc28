package ca.cpa.events.personnel;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** A planned deployment will not happen; its place under the ceiling and the cap is free again. */
public record DeploymentCancelled(@NotNull UUID deploymentId, UUID officerId, @NotNull UUID missionId,
                                  UUID missionRequestId, PositionRole role, @NotNull CancellationReason reason,
                                  Instant cancelledAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.deployment.cancelled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
