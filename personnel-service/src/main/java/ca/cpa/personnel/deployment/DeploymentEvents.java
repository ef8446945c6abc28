package ca.cpa.personnel.deployment;

import ca.cpa.personnel.request.PositionRole;
import ca.cpa.platform.core.events.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** What personnel-service announces about deployments; officers appear by id only. */
public final class DeploymentEvents {

    private DeploymentEvents() {
    }

    public record DeploymentPlanned(UUID deploymentId, UUID officerId, UUID missionId, UUID missionRequestId,
                                    PositionRole role, LocalDate startDate, LocalDate endDate) implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.deployment.planned.v1";
        }

        @Override
        public String subject() {
            return deploymentId.toString();
        }
    }

    public record DeploymentStarted(UUID deploymentId, UUID officerId, UUID missionId, UUID missionRequestId,
                                    PositionRole role, LocalDate arrivalDate, LocalDate endDate) implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.deployment.started.v1";
        }

        @Override
        public String subject() {
            return deploymentId.toString();
        }
    }

    public record DeploymentEnded(UUID deploymentId, UUID officerId, UUID missionId, UUID missionRequestId,
                                  PositionRole role, LocalDate returnDate, Deployment.ReturnReason reason)
            implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.deployment.ended.v1";
        }

        @Override
        public String subject() {
            return deploymentId.toString();
        }
    }
}
