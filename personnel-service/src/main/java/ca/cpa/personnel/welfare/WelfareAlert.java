package ca.cpa.personnel.welfare;

import ca.cpa.platform.core.events.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** An officer in theatre needs help now. The notes stay in personnel-service: they may be personal. */
public record WelfareAlert(UUID deploymentId, UUID checkInId, UUID officerId, UUID missionId,
                           CheckIn.Wellbeing wellbeing, Instant recordedAt) implements IntegrationEvent {
    @Override
    public String eventType() {
        return "ca.cpa.deployment.welfare-alert.v1";
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
