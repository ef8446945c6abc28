package ca.cpa.mission.request;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.OrganizationType;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.platform.validation.CountryCode;
import ca.cpa.platform.validation.LanguageCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The bodies clients send about mission requests. */
public final class MissionRequestPayloads {

    private MissionRequestPayloads() {
    }

    @Schema(name = "NewMissionRequest", description = "A request for Canadian police, filed by a requesting partner")
    public record NewMissionRequest(
            @NotNull UUID missionId,
            @NotNull @Valid OrganizationPayload requestingOrganization,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid PositionPayload> positions,
            @Schema(example = "12") @NotNull @Min(1) @Max(60) Integer durationMonths,
            @Schema(example = "Mentoring of the national police ahead of the 2027 elections.")
            @NotBlank @Size(max = 4000) String justification) {
    }

    @Schema(name = "RequestingOrganization")
    public record OrganizationPayload(
            @NotNull OrganizationType type,
            @Schema(description = "Set from the caller's token (org claim); if sent, it must name the same organization",
                    example = "UN-DPO") @Size(max = 200) String name,
            @Schema(description = "ISO 3166-1 alpha-2; required for COUNTRY", example = "US") @CountryCode String country) {
    }

    @Schema(name = "RequestedPosition")
    public record PositionPayload(
            @NotNull PositionRole role,
            @Schema(example = "4") @NotNull @Min(1) @Max(150) Integer count,
            @Schema(description = "ISO 639-1 codes the officers must speak", example = "[\"fr\"]")
            @NotEmpty @Size(max = 10) List<@NotNull @LanguageCode String> languages,
            @Schema(example = "5") @NotNull @Min(0) @Max(45) Integer minYearsOfService,
            @NotNull MemberType memberType) {
    }

    @Schema(name = "NewAssessment")
    public record AssessmentPayload(
            @NotNull Assessment.RiskLevel riskLevel,
            @NotNull Assessment.Recommendation recommendation,
            @Schema(example = "Security situation stable in Port-au-Prince; French speakers essential.")
            @Size(max = 4000) String notes) {
    }

    @Schema(name = "Withdrawal")
    public record WithdrawalPayload(
            @Schema(example = "The host government withdrew its consent.") @NotBlank @Size(max = 2000) String reason) {
    }
}
