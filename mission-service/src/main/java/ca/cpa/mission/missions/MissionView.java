package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.mission.MissionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Mission", description = "A mission, with its ceiling and strength kept from the other services' events")
public record MissionView(
        UUID id,
        @Schema(example = "PROTEUS", maxLength = 32) String code,
        @Schema(example = "Operation PROTEUS", maxLength = 200) String nameEn,
        @Schema(example = "Opération PROTEUS", maxLength = 200) String nameFr,
        @Schema(example = "PS", maxLength = 2, pattern = "^[A-Z]{2}$") String hostCountry,
        MissionType type,
        @Schema(example = "Office of the United States Security Coordinator (USSC)", maxLength = 200) String partnerOrganization,
        MissionStatus status,
        @Schema(description = "When the mission's mandate begins, where known", nullable = true, maxLength = 10,
                example = "2013-01-01")
        LocalDate mandateStart,
        @Schema(description = "When the mission's mandate ends, where known", nullable = true, maxLength = 10,
                example = "2027-12-31")
        LocalDate mandateEnd,
        @Schema(description = "When the CPA began contributing to the mission, where known", nullable = true,
                maxLength = 10, example = "2013-06-01") LocalDate cpaSince,
        @Schema(description = "Ministerial Authorization in force: most CPA personnel deployed at once", example = "12")
        int authorizedCeiling,
        @Schema(description = "Officers in theatre now", example = "7") int deployedStrength,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The version also sent as ETag", example = "3") long version) {

    public static MissionView of(Mission mission) {
        return new MissionView(mission.id, mission.code, mission.nameEn, mission.nameFr, mission.hostCountry,
                mission.type, mission.partnerOrganization, mission.status, mission.mandateStart, mission.mandateEnd,
                mission.cpaSince, mission.authorizedCeiling,
                mission.deployedStrength, mission.createdAt, mission.updatedAt, mission.version);
    }
}
