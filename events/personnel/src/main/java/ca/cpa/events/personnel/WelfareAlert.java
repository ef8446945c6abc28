package ca.cpa.events.personnel;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** An officer in theatre needs help now. The notes stay in personnel-service: they may be personal. */
public record WelfareAlert(@NotNull UUID deploymentId, UUID checkInId, UUID officerId, UUID missionId,
                           Wellbeing wellbeing, Instant recordedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.deployment.welfare-alert.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
