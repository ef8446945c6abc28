package ca.cpa.authorization.cases;

import ca.cpa.authorization.ceiling.MinisterialAuthorization;
import ca.cpa.events.authorization.CaseKind;
import ca.cpa.events.authorization.CaseOpened;
import ca.cpa.events.authorization.CaseStatus;
import ca.cpa.events.authorization.DecisionRecorded;
import ca.cpa.events.authorization.Denied;
import ca.cpa.events.authorization.Granted;
import ca.cpa.events.authorization.Partner;
import ca.cpa.events.authorization.Verdict;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.IllegalTransitionException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A question put to the three CPA partners: may this request deploy, or may this mission's
 * ceiling change? Every partner records one decision; three approvals approve the case and put
 * its ceiling in force as the mission's next Ministerial Authorization, one rejection rejects it.
 */
@Entity
@Table(name = "authorization_case")
public class AuthorizationCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseKind kind;

    @Column(name = "mission_id", nullable = false)
    public UUID missionId;

    @Column(name = "mission_request_id")
    public UUID missionRequestId;

    /** The ceiling the partners are asked to authorize, as proposed when the case opened. */
    @Column(name = "proposed_ceiling", nullable = false)
    public int proposedCeiling;

    @Column(name = "ceiling_at_opening", nullable = false)
    public int ceilingAtOpening;

    public String rationale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "granted_ceiling")
    public Integer grantedCeiling;

    @Column(name = "closed_at")
    public Instant closedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_decision", joinColumns = @JoinColumn(name = "case_id"))
    @MapKeyColumn(name = "partner")
    @MapKeyEnumerated(EnumType.STRING)
    public Map<Partner, Decision> decisions = new EnumMap<>(Partner.class);

    @Version
    public long version;

    /**
     * What a partner's decision did: the events it caused and, after the third approval, the
     * mission's new Ministerial Authorization, to be kept with the case.
     */
    public record Decided(List<IntegrationEvent> events, Optional<MinisterialAuthorization> authorization) {
    }

    /** A submitted request's case: the ceiling in force plus the officers it asks for. */
    public static ResultWithEvents<AuthorizationCase> forDeployment(UUID missionId, UUID missionRequestId,
                                                                    int ceilingInForce, int positions,
                                                                    String openedBy) {
        AuthorizationCase opened = open(CaseKind.DEPLOYMENT, missionId, ceilingInForce + positions, ceilingInForce,
                openedBy);
        opened.missionRequestId = missionRequestId;
        return ResultWithEvents.of(opened, opened.caseOpened());
    }

    /**
     * A planner's proposal to change the mission's ceiling, e.g. PROTEUS from 7 to 12; one at a
     * time per mission.
     *
     * @param amendmentPending whether the mission has an amendment still pending
     */
    public static ResultWithEvents<AuthorizationCase> forCeilingAmendment(UUID missionId, int proposedCeiling,
                                                                          int ceilingInForce, boolean amendmentPending,
                                                                          String rationale, String openedBy) {
        if (amendmentPending) {
            throw new ConflictException("case.amendment-pending");
        }
        AuthorizationCase opened = open(CaseKind.CEILING_AMENDMENT, missionId, proposedCeiling, ceilingInForce,
                openedBy);
        opened.rationale = rationale;
        return ResultWithEvents.of(opened, opened.caseOpened());
    }

    private static AuthorizationCase open(CaseKind kind, UUID missionId, int proposedCeiling, int ceilingInForce,
                                          String openedBy) {
        AuthorizationCase authorizationCase = new AuthorizationCase();
        authorizationCase.id = UUID.randomUUID();
        authorizationCase.kind = kind;
        authorizationCase.missionId = missionId;
        authorizationCase.proposedCeiling = proposedCeiling;
        authorizationCase.ceilingAtOpening = ceilingInForce;
        authorizationCase.status = CaseStatus.PENDING;
        authorizationCase.openedBy = openedBy;
        authorizationCase.openedAt = Instant.now();
        return authorizationCase;
    }

    /**
     * Records {@code partner}'s decision. A rejection rejects the case; the third approval
     * approves it and grants the mission's next authorization after {@code inForce}, the one in
     * force now.
     */
    public Decided record(Partner partner, Decision decision, Optional<MinisterialAuthorization> inForce) {
        if (status != CaseStatus.PENDING) {
            throw new IllegalTransitionException("case.closed", status);
        }
        if (decisions.containsKey(partner)) {
            throw new ConflictException("case.already-decided", partner);
        }
        decisions.put(partner, decision);
        List<IntegrationEvent> events = new ArrayList<>();
        Optional<MinisterialAuthorization> granted = Optional.empty();
        if (decision.verdict == Verdict.REJECT) {
            close(CaseStatus.REJECTED);
        } else if (isApprovedByAll()) {
            int previousCeiling = inForce.map(authorization -> authorization.ceiling).orElse(0);
            grantedCeiling = ceilingToGrant(previousCeiling);
            close(CaseStatus.APPROVED);
            granted = Optional.of(MinisterialAuthorization.succeeding(inForce, missionId, grantedCeiling, id));
        }
        events.add(new DecisionRecorded(id, missionId, partner, decision.verdict, status, decision.decidedAt));
        granted.ifPresent(authorization -> events.add(new Granted(id, kind, missionId, missionRequestId,
                authorization.ceiling, inForce.map(previous -> previous.ceiling).orElse(0), authorization.number,
                authorization.effectiveDate, closedAt)));
        if (status == CaseStatus.REJECTED) {
            events.add(new Denied(id, kind, missionId, missionRequestId, partner, closedAt));
        }
        return new Decided(events, granted);
    }

    /**
     * The ceiling approval grants, given the ceiling in force now. A deployment adds its
     * officers to whatever is in force by then (another request may have been authorized
     * meanwhile); an amendment sets the ceiling it proposed.
     */
    public int ceilingToGrant(int ceilingInForce) {
        return kind == CaseKind.DEPLOYMENT ? ceilingInForce + (proposedCeiling - ceilingAtOpening) : proposedCeiling;
    }

    /** Withdraws a pending case; a decided one stays as it was. Answers whether it changed. */
    public boolean withdraw() {
        if (status != CaseStatus.PENDING) {
            return false;
        }
        close(CaseStatus.WITHDRAWN);
        return true;
    }

    public boolean isOverdue(Instant now, Duration allowed) {
        return status == CaseStatus.PENDING && openedAt.plus(allowed).isBefore(now);
    }

    private boolean isApprovedByAll() {
        return decisions.size() == Partner.values().length
                && decisions.values().stream().allMatch(decision -> decision.verdict == Verdict.APPROVE);
    }

    private CaseOpened caseOpened() {
        return new CaseOpened(id, kind, missionId, missionRequestId, proposedCeiling, ceilingAtOpening, openedAt);
    }

    private void close(CaseStatus outcome) {
        status = outcome;
        closedAt = Instant.now();
    }
}
