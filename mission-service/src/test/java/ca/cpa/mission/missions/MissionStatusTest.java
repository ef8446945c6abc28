package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionCreated;
import ca.cpa.events.mission.MissionMandateChanged;
import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.mission.MissionStatusChanged;
import ca.cpa.events.mission.MissionType;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.domain.IllegalTransitionException;
import ca.cpa.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A mission's status rules and the events they cause, without HTTP or a database. */
class MissionStatusTest {

    private static Mission proteus() {
        return Mission.plan("PROTEUS", "Operation PROTEUS", "Opération PROTEUS", "PS", MissionType.BILATERAL, "USSC",
                new Mandate(null, null), null).result();
    }

    @Test
    void aNewMissionIsPlannedAndAnnounced() {
        var planned = Mission.plan("PROTEUS", "Operation PROTEUS", "Opération PROTEUS", "PS", MissionType.BILATERAL,
                "USSC", new Mandate(LocalDate.of(2013, 1, 1), null), LocalDate.of(2013, 6, 1));
        assertEquals(MissionStatus.PLANNED, planned.result().status);
        assertEquals(1, planned.events().size());
        assertEquals("ca.cpa.mission.created.v1", planned.events().get(0).eventType());
        assertEquals(planned.result().id.toString(), planned.events().get(0).subject());
        MissionCreated created = (MissionCreated) planned.events().get(0);
        assertEquals(LocalDate.of(2013, 1, 1), created.mandateStart());
        assertNull(created.mandateEnd());
        assertEquals(LocalDate.of(2013, 6, 1), created.cpaSince());
    }

    @Test
    void aMandateNeverEndsBeforeItStartsAndAChangeIsAnnounced() {
        assertEquals("mandateEnd", assertThrows(RuleViolationException.class,
                () -> new Mandate(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31))).field());
        Mission mission = proteus();
        List<IntegrationEvent> changed = mission.changeMandate(LocalDate.of(2013, 1, 1), LocalDate.of(2027, 12, 31));
        assertEquals(List.of(new MissionMandateChanged(mission.id, "PROTEUS", LocalDate.of(2013, 1, 1),
                LocalDate.of(2027, 12, 31), mission.updatedAt)), changed);
        assertEquals(List.of(), mission.changeMandate(null, LocalDate.of(2027, 12, 31)), "no change, no event");
        assertThrows(RuleViolationException.class, () -> mission.changeMandate(null, LocalDate.of(2012, 1, 1)));
        assertEquals(LocalDate.of(2027, 12, 31), mission.mandateEnd, "a refused change changes nothing");
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
