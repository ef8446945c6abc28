package ca.cpa.events.personnel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "GOOD; CONCERN (follow up); URGENT (raises a welfare alert event at once)")
public enum Wellbeing {
    GOOD, CONCERN, URGENT
}
