package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.mission.MissionStatusChanged;
import ca.cpa.events.mission.MissionType;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.domain.IllegalTransitionException;
import ca.cpa.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A mission's status rules and the events they cause, without HTTP or a database. */
class MissionStatusTest {

    private static Mission proteus() {
        return Mission.plan("PROTEUS", "Operation PROTEUS", "Opération PROTEUS", "PS", MissionType.BILATERAL, "USSC")
                .result();
    }

    @Test
    void aNewMissionIsPlannedAndAnnounced() {
        var planned = Mission.plan("PROTEUS", "Operation PROTEUS", "Opération PROTEUS", "PS", MissionType.BILATERAL,
                "USSC");
        assertEquals(MissionStatus.PLANNED, planned.result().status);
        assertEquals(1, planned.events().size());
        assertEquals("ca.cpa.mission.created.v1", planned.events().get(0).eventType());
        assertEquals(planned.result().id.toString(), planned.events().get(0).subject());
    }

    @Test
    void aMissionIsActivatedSuspendedResumedAndClosedForGood() {
        Mission mission = proteus();
        List<IntegrationEvent> activated = mission.changeStatus(MissionStatus.ACTIVE);
        assertEquals(List.of(new MissionStatusChanged(mission.id, "PROTEUS", MissionStatus.PLANNED,
                MissionStatus.ACTIVE, mission.updatedAt)), activated);
        assertThrows(IllegalTransitionException.class, () -> mission.changeStatus(MissionStatus.PLANNED));
        mission.changeStatus(MissionStatus.SUSPENDED);
        mission.changeStatus(MissionStatus.ACTIVE);
        mission.changeStatus(MissionStatus.CLOSED);
        for (MissionStatus other : List.of(MissionStatus.PLANNED, MissionStatus.ACTIVE, MissionStatus.SUSPENDED)) {
            assertThrows(IllegalTransitionException.class, () -> mission.changeStatus(other));
        }
        assertThrows(RuleViolationException.class, mission::requireOpenForRequests);
    }

    @Test
    void askingForTheStatusAMissionHasChangesNothingAndAnnouncesNothing() {
        Mission mission = proteus();
        assertEquals(List.of(), mission.changeStatus(MissionStatus.PLANNED));
        assertEquals(MissionStatus.PLANNED, mission.status);
    }

    @Test
    void aLaterAuthorizationsCeilingIsNeverOverriddenByAnEarlierOne() {
        Mission mission = proteus();
        mission.applyCeiling(12, 2);
        mission.applyCeiling(7, 1);
        assertEquals(12, mission.authorizedCeiling);
        assertEquals(2, mission.ceilingAuthorizationNumber);
    }
}
