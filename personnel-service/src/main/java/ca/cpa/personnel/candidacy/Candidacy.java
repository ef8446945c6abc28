package ca.cpa.personnel.candidacy;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.personnel.CandidateSelected;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.IllegalTransitionException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An officer nominated for a request's position, screened at once, then selected or not. */
@Entity
@Table(name = "candidacy")
public class Candidacy extends PanacheEntityBase {

    @Schema(name = "CandidacyStatus", description = "ELIGIBLE or INELIGIBLE when screened; then SELECTED or NOT_SELECTED; ELIGIBLE or SELECTED (not deployed) → RELEASED, which frees the position's place")
    public enum Status { ELIGIBLE, INELIGIBLE, SELECTED, NOT_SELECTED, RELEASED }

    @Id
    public UUID id;

    @Column(name = "officer_id", nullable = false)
    public UUID officerId;

    @Column(name = "mission_request_id", nullable = false)
    public UUID missionRequestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PositionRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> reasons;

    @Column(name = "nominated_by", nullable = false)
    public String nominatedBy;

    @Column(name = "nominated_at", nullable = false)
    public Instant nominatedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "release_reason")
    public String releaseReason;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Version
    public long version;

    public static Candidacy nominate(UUID officerId, UUID missionRequestId, PositionRole role, Screening screening,
                                     String nominatedBy) {
        Candidacy candidacy = new Candidacy();
        candidacy.id = UUID.randomUUID();
        candidacy.officerId = officerId;
        candidacy.missionRequestId = missionRequestId;
        candidacy.role = role;
        candidacy.status = screening.eligible() ? Status.ELIGIBLE : Status.INELIGIBLE;
        candidacy.reasons = screening.reasons().stream().map(Enum::name).toList();
        candidacy.nominatedBy = nominatedBy;
        candidacy.nominatedAt = Instant.now();
        return candidacy;
    }

    /**
     * Selects an eligible candidate, if the request's position for this role has a place left.
     *
     * @param alreadySelected candidates already selected for this position
     */
    public List<IntegrationEvent> select(KnownRequest request, long alreadySelected, String decidedBy) {
        requireEligible();
        int places = request.position(role).map(position -> position.count).orElse(0);
        if (alreadySelected >= places) {
            throw new ConflictException("candidacy.position-full", role, places);
        }
        decide(Status.SELECTED, decidedBy);
        return List.of(new CandidateSelected(id, officerId, missionRequestId, request.missionId, role, decidedAt));
    }

    public void decline(String decidedBy) {
        requireEligible();
        decide(Status.NOT_SELECTED, decidedBy);
    }

    /**
     * Releases an eligible or selected candidate who has not deployed: a selected one's place in
     * the position is free again.
     *
     * @param deployed whether the candidacy has a deployment that was not cancelled
     */
    public void release(String reason, String by, boolean deployed) {
        if (status != Status.ELIGIBLE && status != Status.SELECTED) {
            throw new IllegalTransitionException("candidacy.illegal-transition", "release", status);
        }
        if (deployed) {
            throw new ConflictException("candidacy.deployed");
        }
        status = Status.RELEASED;
        releaseReason = reason;
        releasedBy = by;
        releasedAt = Instant.now();
    }

    private void requireEligible() {
        if (status != Status.ELIGIBLE) {
            throw new IllegalTransitionException("candidacy.not-eligible", status);
        }
    }

    private void decide(Status outcome, String decidedBy) {
        status = outcome;
        this.decidedBy = decidedBy;
        decidedAt = Instant.now();
    }
}
