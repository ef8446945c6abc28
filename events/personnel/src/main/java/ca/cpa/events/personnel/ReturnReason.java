package ca.cpa.events.personnel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an officer came home; anything but the end of the tour is an early return. */
@Schema(description = "END_OF_TOUR; or, early: EARLY_RETURN, MEDICAL_EVACUATION, COMPASSIONATE (each raises a welfare alert)")
public enum ReturnReason {
    END_OF_TOUR, EARLY_RETURN, MEDICAL_EVACUATION, COMPASSIONATE;

    public boolean isEarly() {
        return this != END_OF_TOUR;
    }
}
