package ca.cpa.events.personnel;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A planned or current tour now ends later. The justification stays in personnel-service. */
public record DeploymentExtended(@NotNull UUID deploymentId, UUID officerId, @NotNull UUID missionId,
                                 UUID missionRequestId, LocalDate previousEndDate, @NotNull LocalDate endDate,
                                 Instant extendedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.deployment.extended.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
