package ca.cpa.events.personnel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The officer's result: PASSED or FAILED")
public enum TrainingOutcome {
    PASSED, FAILED
}
