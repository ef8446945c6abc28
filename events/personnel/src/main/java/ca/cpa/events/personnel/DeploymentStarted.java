package ca.cpa.events.personnel;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/** The officer arrived in theatre, for a position of a request. */
public record DeploymentStarted(@NotNull UUID deploymentId, UUID officerId, @NotNull UUID missionId, UUID missionRequestId,
                                PositionRole role, LocalDate arrivalDate, LocalDate endDate) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.deployment.started.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
