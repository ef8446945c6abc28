package ca.cpa.mission.request;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.OrganizationType;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.mission.RequestStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "MissionRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissionRequestView(
        UUID id,
        UUID missionId,
        Organization requestingOrganization,
        @Schema(maxItems = 20) List<Position> positions,
        @Schema(example = "12") int durationMonths,
        @Schema(maxLength = 4000, example = "Mentoring of the national police ahead of the 2027 elections.") String justification,
        RequestStatus status,
        Instant receivedAt,
        @Schema(description = "Internal to the CPA partners: not shown to requesting partners")
        AssessmentView assessment,
        Instant submittedAt,
        @Schema(description = "The authorization case that decided the request") UUID authorizationCaseId,
        Instant decidedAt,
        WithdrawalView withdrawal,
        Instant fulfilledAt,
        Instant updatedAt,
        @Schema(description = "The version also sent as ETag", example = "2") long version) {

    @Schema(name = "RequestingOrganizationView")
    public record Organization(OrganizationType type, @Schema(example = "UN-DPO", maxLength = 200) String name,
                               @Schema(example = "HT", maxLength = 2, pattern = "^[A-Z]{2}$", nullable = true,
                                       description = "Set for COUNTRY") String country) {
    }

    @Schema(name = "RequestedPositionView")
    public record Position(PositionRole role, @Schema(example = "4") int count, @Schema(maxItems = 10) List<String> languages, @Schema(example = "5") int minYearsOfService,
                           MemberType memberType,
                           @Schema(description = "Officers of this role in theatre now", example = "2") int inTheatre) {
    }

    @Schema(name = "Assessment")
    public record AssessmentView(Assessment.RiskLevel riskLevel, Assessment.Recommendation recommendation,
                                 @Schema(maxLength = 4000, nullable = true,
                                         example = "Security situation stable in Port-au-Prince; French speakers essential.") String notes, @Schema(maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String assessedBy, Instant assessedAt) {
    }

    @Schema(name = "WithdrawalView")
    public record WithdrawalView(@Schema(maxLength = 2000, example = "The host government withdrew its consent.") String reason, @Schema(maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String withdrawnBy, Instant withdrawnAt) {
    }

    /** @param internal whether the reader is a CPA partner, who may see the assessment */
    public static MissionRequestView of(MissionRequest request, boolean internal) {
        Assessment assessment = request.assessment;
        return new MissionRequestView(request.id, request.missionId,
                new Organization(request.requestingOrganization.type, request.requestingOrganization.name,
                        request.requestingOrganization.country),
                request.positions.stream().map(MissionRequestView::position).toList(),
                request.durationMonths, request.justification, request.status, request.receivedAt,
                internal && assessment != null && assessment.riskLevel != null
                        ? new AssessmentView(assessment.riskLevel, assessment.recommendation, assessment.notes,
                        assessment.assessedBy, assessment.assessedAt)
                        : null,
                request.submittedAt, request.authorizationCaseId, request.decidedAt,
                request.withdrawnAt == null ? null
                        : new WithdrawalView(request.withdrawalReason, request.withdrawnBy, request.withdrawnAt),
                request.fulfilledAt, request.updatedAt, request.version);
    }

    static Position position(RequestedPosition position) {
        return new Position(position.role, position.count, position.languages, position.minYearsOfService,
                position.memberType, position.inTheatre);
    }
}
