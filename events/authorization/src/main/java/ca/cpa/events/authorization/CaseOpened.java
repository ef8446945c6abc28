package ca.cpa.events.authorization;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

public record CaseOpened(@NotNull UUID caseId, CaseKind kind, @NotNull UUID missionId, UUID missionRequestId,
                         Integer proposedCeiling, Integer ceilingInForce, Instant openedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.authorization.case-opened.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return caseId.toString();
    }
}
