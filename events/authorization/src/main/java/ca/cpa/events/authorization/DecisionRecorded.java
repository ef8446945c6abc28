package ca.cpa.events.authorization;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** A partner decided; the rationale and the person stay in the case, not in the event. */
public record DecisionRecorded(@NotNull UUID caseId, @NotNull UUID missionId, Partner partner, Verdict decision,
                               CaseStatus caseStatus, Instant decidedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.authorization.decision-recorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return caseId.toString();
    }
}
