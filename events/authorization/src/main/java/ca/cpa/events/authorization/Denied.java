package ca.cpa.events.authorization;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** A partner rejected the case. {@code missionRequestId} is null for a ceiling amendment. */
public record Denied(@NotNull UUID caseId, CaseKind kind, @NotNull UUID missionId, UUID missionRequestId,
                     Partner rejectedBy, Instant deniedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.authorization.denied.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return caseId.toString();
    }
}
