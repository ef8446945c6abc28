package ca.cpa.events.personnel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "END_OF_TOUR or EARLY_RETURN")
public enum ReturnReason {
    END_OF_TOUR, EARLY_RETURN
}
