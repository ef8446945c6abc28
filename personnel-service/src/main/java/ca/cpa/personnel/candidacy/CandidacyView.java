package ca.cpa.personnel.candidacy;

import ca.cpa.events.mission.PositionRole;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Candidacy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidacyView(UUID id, UUID officerId, UUID missionRequestId, PositionRole role, Candidacy.Status status,
                            @Schema(description = "Why the officer is ineligible; empty when eligible", maxItems = 9) List<Screening.Reason> reasons,
                            @Schema(maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String nominatedBy, Instant nominatedAt, @Schema(maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String decidedBy, Instant decidedAt,
                            @Schema(maxLength = 2000, example = "Family circumstances; withdrew before training.") String releaseReason,
                            @Schema(maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String releasedBy,
                            Instant releasedAt,
                            @Schema(example = "2") long version) {

    static CandidacyView of(Candidacy candidacy) {
        return new CandidacyView(candidacy.id, candidacy.officerId, candidacy.missionRequestId, candidacy.role,
                candidacy.status, candidacy.reasons.stream().map(Screening.Reason::valueOf).toList(),
                candidacy.nominatedBy, candidacy.nominatedAt, candidacy.decidedBy, candidacy.decidedAt,
                candidacy.releaseReason, candidacy.releasedBy, candidacy.releasedAt, candidacy.version);
    }
}
