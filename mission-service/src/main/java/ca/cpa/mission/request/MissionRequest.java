package ca.cpa.mission.request;

import ca.cpa.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request for Canadian police, from its receipt to its authorization and fulfilment. Its
 * status only moves by the methods below, each named for a step of the CPA workflow.
 */
@Entity
@Table(name = "mission_request")
public class MissionRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mission_id", nullable = false)
    public UUID missionId;

    @Embedded
    public RequestingOrganization requestingOrganization;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "requested_position", joinColumns = @JoinColumn(name = "mission_request_id"))
    @OrderColumn(name = "position_index")
    public List<RequestedPosition> positions = new ArrayList<>();

    @Column(name = "duration_months", nullable = false)
    public int durationMonths;

    @Column(nullable = false)
    public String justification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Embedded
    public Assessment assessment;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "authorization_case_id")
    public UUID authorizationCaseId;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static MissionRequest receive(UUID missionId, RequestingOrganization organization,
                                         List<RequestedPosition> positions, int durationMonths, String justification,
                                         String filedBy) {
        MissionRequest request = new MissionRequest();
        request.id = UUID.randomUUID();
        request.missionId = missionId;
        request.requestingOrganization = organization;
        request.positions = new ArrayList<>(positions);
        request.durationMonths = durationMonths;
        request.justification = justification;
        request.status = RequestStatus.RECEIVED;
        request.filedBy = filedBy;
        request.receivedAt = Instant.now();
        request.updatedAt = request.receivedAt;
        return request;
    }

    /** Records (or, before submission, revises) the planner's assessment. */
    public void assess(Assessment.RiskLevel riskLevel, Assessment.Recommendation recommendation, String notes,
                       String assessedBy) {
        requireStatus("assess", RequestStatus.RECEIVED, RequestStatus.ASSESSED);
        assessment = new Assessment(riskLevel, recommendation, notes, assessedBy);
        moveTo(RequestStatus.ASSESSED);
    }

    /** Sends the request to the CPA partners for authorization; needs a PROCEED assessment. */
    public void submit(String submittedBy) {
        requireStatus("submit", RequestStatus.ASSESSED);
        if (assessment.recommendation != Assessment.Recommendation.PROCEED) {
            throw ProblemException.conflict("mission-request.submission-needs-proceed");
        }
        this.submittedBy = submittedBy;
        this.submittedAt = Instant.now();
        moveTo(RequestStatus.SUBMITTED);
    }

    /** Withdraws the request; answers the status it left. */
    public RequestStatus withdraw(String reason, String withdrawnBy) {
        if (!status.isWithdrawable()) {
            throw ProblemException.conflict("mission-request.illegal-transition", "withdraw", status);
        }
        RequestStatus previous = status;
        withdrawalReason = reason;
        this.withdrawnBy = withdrawnBy;
        withdrawnAt = Instant.now();
        moveTo(RequestStatus.WITHDRAWN);
        return previous;
    }

    /**
     * The CPA partners authorized the request. A request withdrawn meanwhile stays withdrawn.
     *
     * @return whether the request changed
     */
    public boolean authorize(UUID caseId, Instant decidedAt) {
        return decide(caseId, decidedAt, RequestStatus.AUTHORIZED);
    }

    /** The CPA partners declined the request. A request withdrawn meanwhile stays withdrawn. */
    public boolean decline(UUID caseId, Instant decidedAt) {
        return decide(caseId, decidedAt, RequestStatus.DECLINED);
    }

    private boolean decide(UUID caseId, Instant decidedAt, RequestStatus outcome) {
        if (status == RequestStatus.WITHDRAWN) {
            return false;
        }
        requireStatus(outcome == RequestStatus.AUTHORIZED ? "authorize" : "decline", RequestStatus.SUBMITTED);
        authorizationCaseId = caseId;
        this.decidedAt = decidedAt;
        moveTo(outcome);
        return true;
    }

    /**
     * Takes in how many officers of each role are in theatre for this request; an authorized
     * request whose every position is filled becomes FULFILLED.
     *
     * @return whether the request became fulfilled now
     */
    public boolean recordInTheatre(Map<PositionRole, Integer> officersByRole) {
        for (RequestedPosition position : positions) {
            position.inTheatre = officersByRole.getOrDefault(position.role, 0);
        }
        updatedAt = Instant.now();
        if (status == RequestStatus.AUTHORIZED && positions.stream().allMatch(RequestedPosition::isFilled)) {
            fulfilledAt = updatedAt;
            moveTo(RequestStatus.FULFILLED);
            return true;
        }
        return false;
    }

    public int totalPositions() {
        return positions.stream().mapToInt(position -> position.count).sum();
    }

    public boolean belongsTo(String organization) {
        return requestingOrganization.name.equals(organization);
    }

    private void requireStatus(String action, RequestStatus... allowed) {
        for (RequestStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw ProblemException.conflict("mission-request.illegal-transition", action, status);
    }

    private void moveTo(RequestStatus next) {
        status = next;
        updatedAt = Instant.now();
    }
}
