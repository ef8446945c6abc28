package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A JSON merge patch of a mission: only the fields present change. Code, country and type are fixed. */
@Schema(description = "Fields to change (JSON merge patch); absent fields stay as they are")
public record MissionChanges(
        @Schema(example = "Operation PROTEUS") @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String nameEn,
        @Schema(example = "Opération PROTEUS") @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String nameFr,
        @Schema(example = "United Nations Mission in South Sudan (UNMISS)") @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String partnerOrganization,
        @Schema(description = "PLANNED → ACTIVE or CLOSED; ACTIVE → SUSPENDED or CLOSED; SUSPENDED → ACTIVE or CLOSED")
        MissionStatus status,
        @Schema(description = "When the mission's mandate begins", example = "2013-01-01") LocalDate mandateStart,
        @Schema(description = "When the mission's mandate ends; no tour is extended past it", example = "2027-12-31")
        LocalDate mandateEnd,
        @Schema(description = "When the CPA began contributing to the mission", example = "2013-06-01")
        LocalDate cpaSince) {
}
