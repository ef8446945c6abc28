package ca.cpa.mission.inbound;

import ca.cpa.mission.request.PositionRole;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The data of personnel-service's deployment events, as far as mission-service reads it. */
public final class DeploymentEvents {

    public static final String STARTED = "ca.cpa.deployment.started.v1";
    public static final String ENDED = "ca.cpa.deployment.ended.v1";

    private DeploymentEvents() {
    }

    /** An officer arrived in theatre (or left it), for a position of a request. */
    public record Deployment(@NotNull UUID deploymentId, @NotNull UUID missionId, UUID missionRequestId,
                             PositionRole role) {
    }
}
