package ca.cpa.events.personnel;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/** The officer came home: the tour ended or was cut short. */
public record DeploymentEnded(@NotNull UUID deploymentId, UUID officerId, @NotNull UUID missionId, UUID missionRequestId,
                              PositionRole role, LocalDate returnDate, ReturnReason reason) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.deployment.ended.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
