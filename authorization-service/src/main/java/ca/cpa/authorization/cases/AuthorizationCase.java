package ca.cpa.authorization.cases;

import ca.cpa.platform.problem.ProblemException;
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
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * A question put to the three CPA partners: may this request deploy, or may this mission's
 * ceiling change? Every partner records one decision; three approvals approve the case, one
 * rejection rejects it.
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

    /** A submitted request's case: the ceiling in force plus the officers it asks for. */
    public static AuthorizationCase forDeployment(UUID missionId, UUID missionRequestId, int ceilingInForce,
                                                  int positions, String openedBy) {
        AuthorizationCase authorizationCase = open(CaseKind.DEPLOYMENT, missionId, ceilingInForce + positions,
                ceilingInForce, openedBy);
        authorizationCase.missionRequestId = missionRequestId;
        return authorizationCase;
    }

    public static AuthorizationCase forCeilingAmendment(UUID missionId, int proposedCeiling, int ceilingInForce,
                                                        String rationale, String openedBy) {
        AuthorizationCase authorizationCase = open(CaseKind.CEILING_AMENDMENT, missionId, proposedCeiling,
                ceilingInForce, openedBy);
        authorizationCase.rationale = rationale;
        return authorizationCase;
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
     * Records {@code partner}'s decision; a rejection closes the case. After the third
     * approval, {@link #approve} records the ceiling granted.
     */
    public void record(Partner partner, Verdict verdict, String rationale, String decidedBy) {
        if (status != CaseStatus.PENDING) {
            throw ProblemException.conflict("case.closed", status);
        }
        if (decisions.containsKey(partner)) {
            throw ProblemException.conflict("case.already-decided", partner);
        }
        decisions.put(partner, new Decision(verdict, rationale, decidedBy));
        if (verdict == Verdict.REJECT) {
            close(CaseStatus.REJECTED);
        }
    }

    /** All three partners approved. */
    public boolean isApprovedByAll() {
        return status == CaseStatus.PENDING && decisions.size() == Partner.values().length
                && decisions.values().stream().allMatch(decision -> decision.verdict == Verdict.APPROVE);
    }

    /**
     * The ceiling approval grants, given the ceiling in force now. A deployment adds its
     * officers to whatever is in force by then (another request may have been authorized
     * meanwhile); an amendment sets the ceiling it proposed.
     */
    public int ceilingToGrant(int ceilingInForce) {
        return kind == CaseKind.DEPLOYMENT ? ceilingInForce + (proposedCeiling - ceilingAtOpening) : proposedCeiling;
    }

    public void approve(int ceiling) {
        if (!isApprovedByAll()) {
            throw new IllegalStateException("case " + id + " is not approved by all three partners");
        }
        grantedCeiling = ceiling;
        close(CaseStatus.APPROVED);
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

    private void close(CaseStatus outcome) {
        status = outcome;
        closedAt = Instant.now();
    }
}
