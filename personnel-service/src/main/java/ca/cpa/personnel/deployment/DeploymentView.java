package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.personnel.ReturnReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Deployment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentView(UUID id, UUID candidacyId, UUID officerId, UUID missionId, UUID missionRequestId,
                             PositionRole role, LocalDate startDate, LocalDate endDate, Deployment.Status status,
                             LocalDate arrivalDate, LocalDate returnDate, ReturnReason returnReason,
                             @Schema(example = "2") long version) {

    @Schema(name = "NewDeployment")
    public record NewDeployment(@NotNull UUID candidacyId,
                                @Schema(example = "2027-02-01") @NotNull LocalDate startDate,
                                @Schema(example = "2028-01-31") @NotNull LocalDate endDate) {
    }

    @Schema(name = "Repatriation")
    public record Repatriation(@Schema(example = "2028-01-31") @NotNull LocalDate returnDate,
                               @NotNull ReturnReason reason) {
    }

    static DeploymentView of(Deployment deployment) {
        return new DeploymentView(deployment.id, deployment.candidacyId, deployment.officerId, deployment.missionId,
                deployment.missionRequestId, deployment.role, deployment.startDate, deployment.endDate,
                deployment.status, deployment.arrivalDate, deployment.returnDate, deployment.returnReason,
                deployment.version);
    }
}
