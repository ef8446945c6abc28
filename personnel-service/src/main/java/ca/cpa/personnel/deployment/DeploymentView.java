package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.personnel.CancellationReason;
import ca.cpa.events.personnel.ReturnReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Deployment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentView(UUID id, UUID candidacyId, UUID officerId, UUID missionId, UUID missionRequestId,
                             PositionRole role, LocalDate startDate, LocalDate endDate, Deployment.Status status,
                             LocalDate arrivalDate, LocalDate returnDate, ReturnReason returnReason,
                             CancellationReason cancellationReason,
                             @Schema(maxLength = 2000, example = "Medical clearance withdrawn before departure.")
                             String cancellationNote,
                             Instant cancelledAt,
                             @Schema(description = "The end planned first, once the tour has been extended")
                             LocalDate originalEndDate,
                             @Schema(maxLength = 2000, example = "Elections postponed to March; continuity of mentoring.")
                             String extensionJustification,
                             @Schema(description = "The deployment this one replaces on the mission (a rotation)")
                             UUID replacesDeploymentId,
                             @Schema(description = "The deployment that replaces this one (a rotation)")
                             UUID replacedByDeploymentId,
                             @Schema(example = "2") long version) {

    @Schema(name = "NewDeployment")
    public record NewDeployment(@NotNull UUID candidacyId,
                                @Schema(example = "2027-02-01") @NotNull LocalDate startDate,
                                @Schema(example = "2028-01-31") @NotNull LocalDate endDate,
                                @Schema(description = "The deployment of the officer this one replaces on the same mission (a rotation)")
                                UUID replacesDeploymentId) {
    }

    @Schema(name = "Repatriation")
    public record Repatriation(@Schema(example = "2028-01-31") @NotNull LocalDate returnDate,
                               @NotNull ReturnReason reason) {
    }

    @Schema(name = "Cancellation")
    public record Cancellation(@NotNull CancellationReason reason,
                               @Schema(example = "Medical clearance withdrawn before departure.")
                               @Size(max = 2000) String note) {
    }

    @Schema(name = "Extension")
    public record TourExtension(@Schema(example = "2028-07-31") @NotNull LocalDate endDate,
                            @Schema(example = "Elections postponed to March; continuity of mentoring.")
                            @NotBlank @Size(max = 2000) String justification) {
    }

    static DeploymentView of(Deployment deployment) {
        return ofAll(List.of(deployment)).get(0);
    }

    /** Views of a page of deployments, their replacements found in one query. */
    static List<DeploymentView> ofAll(List<Deployment> deployments) {
        Map<UUID, UUID> replacedBy = new HashMap<>();
        if (!deployments.isEmpty()) {
            Deployment.<Deployment>list("replacesDeploymentId in ?1 and status != ?2",
                            deployments.stream().map(deployment -> deployment.id).toList(), Deployment.Status.CANCELLED)
                    .forEach(replacement -> replacedBy.put(replacement.replacesDeploymentId, replacement.id));
        }
        return deployments.stream().map(deployment -> of(deployment, replacedBy.get(deployment.id))).toList();
    }

    private static DeploymentView of(Deployment deployment, UUID replacedBy) {
        return new DeploymentView(deployment.id, deployment.candidacyId, deployment.officerId, deployment.missionId,
                deployment.missionRequestId, deployment.role, deployment.startDate, deployment.endDate,
                deployment.status, deployment.arrivalDate, deployment.returnDate, deployment.returnReason,
                deployment.cancellationReason, deployment.cancellationNote, deployment.cancelledAt,
                deployment.originalEndDate, deployment.extensionJustification, deployment.replacesDeploymentId,
                replacedBy, deployment.version);
    }
}
