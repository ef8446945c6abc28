package ca.cpa.mission.mission;

import ca.cpa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MissionStatusTest {

    @Test
    void aMissionIsActivatedSuspendedResumedAndClosedForGood() {
        Mission mission = Mission.plan("PROTEUS", "Operation PROTEUS", "Opération PROTEUS", "PS",
                MissionType.BILATERAL, "USSC");
        assertEquals(MissionStatus.PLANNED, mission.changeStatus(MissionStatus.ACTIVE));
        assertThrows(ProblemException.class, () -> mission.changeStatus(MissionStatus.PLANNED));
        mission.changeStatus(MissionStatus.SUSPENDED);
        mission.changeStatus(MissionStatus.ACTIVE);
        mission.changeStatus(MissionStatus.CLOSED);
        for (MissionStatus any : MissionStatus.values()) {
            assertThrows(ProblemException.class, () -> mission.changeStatus(any));
        }
        assertThrows(ProblemException.class, mission::requireOpenForRequests);
    }
}
