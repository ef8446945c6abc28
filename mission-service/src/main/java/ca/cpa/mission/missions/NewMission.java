package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionType;
import ca.cpa.platform.validation.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A mission to create; it starts PLANNED")
public record NewMission(
        @Schema(description = "Unique short code, upper case", example = "PROTEUS", maxLength = 32)
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}", message = "{mission.code.pattern}") String code,
        @Schema(example = "Operation PROTEUS") @NotBlank @Size(max = 200) String nameEn,
        @Schema(example = "Opération PROTEUS") @NotBlank @Size(max = 200) String nameFr,
        @Schema(description = "ISO 3166-1 alpha-2", example = "PS") @NotNull @CountryCode String hostCountry,
        @NotNull MissionType type,
        @Schema(example = "Office of the United States Security Coordinator (USSC)")
        @NotBlank @Size(max = 200) String partnerOrganization,
        @Schema(description = "When the mission's mandate begins, where known", example = "2013-01-01") LocalDate mandateStart,
        @Schema(description = "When the mission's mandate ends, where known; no tour is extended past it", example = "2027-12-31")
        LocalDate mandateEnd,
        @Schema(description = "When the CPA began contributing to the mission, where known", example = "2013-06-01")
        LocalDate cpaSince) {
}
