package ca.cpa.personnel.ceiling;

import ca.cpa.platform.domain.ConflictException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The mission's ceiling and the program cap, as planning asks them; no database. */
class PlacesTest {

    private static final ProgramCap CAP = new ProgramCap(150);

    @Test
    void aPlaceIsFreeBelowTheCeilingAndTheCap() {
        assertDoesNotThrow(() -> new Places(6, 7, 149, CAP).requireFreePlace());
    }

    @Test
    void theMissionsCeilingIsReachedWhenEveryPlaceUnderItIsTaken() {
        ConflictException refused = assertThrows(ConflictException.class, () -> new Places(7, 7, 20, CAP).requireFreePlace());
        assertEquals("deployment.ceiling-reached", refused.code());
        assertArrayEquals(new Object[]{7}, refused.arguments());
    }

    @Test
    void anAmendedCeilingFrom7To12OpensFivePlaces() {
        assertThrows(ConflictException.class, () -> new Places(7, 7, 7, CAP).requireFreePlace());
        for (int taken = 7; taken < 12; taken++) {
            int onMission = taken;
            assertDoesNotThrow(() -> new Places(onMission, 12, onMission, CAP).requireFreePlace());
        }
        assertThrows(ConflictException.class, () -> new Places(12, 12, 12, CAP).requireFreePlace());
    }

    @Test
    void noMissionDeploysBeforeItHasACeiling() {
        assertEquals("deployment.ceiling-reached",
                assertThrows(ConflictException.class, () -> new Places(0, 0, 0, CAP).requireFreePlace()).code());
    }

    @Test
    void theProgramCapHoldsOverAllMissionsWhateverTheMissionsCeiling() {
        ConflictException refused = assertThrows(ConflictException.class,
                () -> new Places(3, 20, 150, CAP).requireFreePlace());
        assertEquals("deployment.program-cap-reached", refused.code());
        assertArrayEquals(new Object[]{150}, refused.arguments());
        assertDoesNotThrow(() -> new Places(3, 20, 150, new ProgramCap(151)).requireFreePlace());
    }

    @Test
    void aCapCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new ProgramCap(-1));
    }
}
