package ca.cpa.events.personnel;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** An officer was selected for a position; the officer appears by id only. */
public record CandidateSelected(@NotNull UUID candidacyId, UUID officerId, UUID missionRequestId, UUID missionId,
                                PositionRole role, Instant selectedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.candidate.selected.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return candidacyId.toString();
    }
}
