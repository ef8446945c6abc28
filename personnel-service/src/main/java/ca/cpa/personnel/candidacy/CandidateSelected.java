package ca.cpa.personnel.candidacy;

import ca.cpa.personnel.request.PositionRole;
import ca.cpa.platform.core.events.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** An officer was selected for a position; the officer appears by id only. */
public record CandidateSelected(UUID candidacyId, UUID officerId, UUID missionRequestId, UUID missionId,
                                PositionRole role, Instant selectedAt) implements IntegrationEvent {
    @Override
    public String eventType() {
        return "ca.cpa.candidate.selected.v1";
    }

    @Override
    public String subject() {
        return candidacyId.toString();
    }
}
