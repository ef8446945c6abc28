package ca.cpa.events.personnel;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A deployment took a place under its mission's ceiling and the program cap; a rotation names
 * the deployment it replaces. The officer's police service and member type are not personal
 * information; they let the Program count its deployments by service and kind of member.
 */
public record DeploymentPlanned(@NotNull UUID deploymentId, UUID officerId, @NotNull UUID missionId, UUID missionRequestId,
                                PositionRole role, LocalDate startDate, LocalDate endDate, UUID replacesDeploymentId,
                                String policeServiceCode, MemberType memberType)
        implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.deployment.planned.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
