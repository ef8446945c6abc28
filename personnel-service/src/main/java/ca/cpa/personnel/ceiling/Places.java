package ca.cpa.personnel.ceiling;

import ca.cpa.platform.domain.ConflictException;

/**
 * The places under both limits at one moment: those taken (PLANNED or IN_THEATRE
 * deployments) on a mission and in the whole program, against the mission's ceiling and the
 * program cap. Counted under the planning lock, so the places it finds free are free.
 */
public record Places(long takenOnMission, int missionCeiling, long takenInProgram, ProgramCap programCap) {

    /** Refuses a new deployment when the mission's ceiling, or else the program cap, is reached. */
    public void requireFreePlace() {
        if (takenOnMission >= missionCeiling) {
            throw new ConflictException("deployment.ceiling-reached", missionCeiling);
        }
        if (takenInProgram >= programCap.limit()) {
            throw new ConflictException("deployment.program-cap-reached", programCap.limit());
        }
    }
}
