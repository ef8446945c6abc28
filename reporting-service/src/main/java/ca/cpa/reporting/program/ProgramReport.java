package ca.cpa.reporting.program;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What is true of the Program now: counts only, no officer is named or identified. */
@Schema(name = "ProgramReport", description = "The Program now: who is deployed or planned, where, against the program cap and each mission's ceiling. Counts only.")
public record ProgramReport(
        @Schema(description = "When the latest event the figures include happened; null before the first event. Events travel on several partitions, each followed within about a second, so one that happened just before may still be on its way", nullable = true, maxLength = 35)
        Instant asOf,
        @Schema(description = "The most officers the Program may have deployed or planned at one time", example = "150")
        int programCap,
        @Schema(description = "Officers in theatre now", example = "97")
        long deployedNow,
        @Schema(description = "Deployments planned, not yet in theatre", example = "12")
        long plannedNow,
        @Schema(description = "Places taken under the program cap: deployed and planned", example = "109")
        long capInUse,
        @Schema(description = "By code, each mission with officers deployed or planned, and each mission not closed that is ACTIVE, SUSPENDED or has a ceiling in force", maxItems = 10000)
        List<MissionFigures> byMission,
        @Schema(description = "Deployed and planned officers by their police service, by code", maxItems = 10000)
        List<PoliceServiceFigures> byPoliceService,
        @Schema(description = "Deployed and planned officers by member type", maxItems = 3)
        List<MemberTypeFigures> byMemberType) {

    @Schema(name = "ProgramMissionFigures")
    public record MissionFigures(
            UUID missionId,
            @Schema(description = "Null until the mission's own event is read", nullable = true, example = "PROTEUS", maxLength = 32)
            String code,
            @Schema(nullable = true, example = "HT", maxLength = 2) String hostCountry,
            @Schema(description = "The ceiling of the Ministerial Authorization in force; null when none was granted", nullable = true, example = "20")
            Integer authorizedCeiling,
            long deployed,
            long planned) {
    }

    @Schema(name = "ProgramPoliceServiceFigures")
    public record PoliceServiceFigures(
            @Schema(description = "UNKNOWN for deployments announced before events carried it", example = "RCMP", maxLength = 16)
            String policeServiceCode,
            long deployed,
            long planned) {
    }

    @Schema(name = "ProgramMemberTypeFigures")
    public record MemberTypeFigures(
            @Schema(description = "SWORN_OFFICER or CIVILIAN_MEMBER; UNKNOWN for deployments announced before events carried it", example = "SWORN_OFFICER", maxLength = 16)
            String memberType,
            long deployed,
            long planned) {
    }
}
