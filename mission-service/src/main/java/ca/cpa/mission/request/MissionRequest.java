package ca.cpa.mission.request;

import ca.cpa.events.mission.MissionRequestFulfilled;
import ca.cpa.events.mission.MissionRequestReceived;
import ca.cpa.events.mission.MissionRequestSubmitted;
import ca.cpa.events.mission.MissionRequestWithdrawn;
import ca.cpa.events.mission.Organization;
import ca.cpa.events.mission.Position;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.mission.RequestStatus;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.IllegalTransitionException;
import ca.cpa.platform.domain.RuleViolationException;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A request for Canadian police, from its receipt to its authorization and fulfilment. Its
 * status only moves by the methods below, each named for a step of the CPA workflow.
 */
@Entity
@Table(name = "mission_request")
public class MissionRequest extends PanacheEntityBase {

    /** A request may be withdrawn until the partners decline it or it is fulfilled. */
    private static final Set<RequestStatus> WITHDRAWABLE = EnumSet.of(RequestStatus.RECEIVED, RequestStatus.ASSESSED,
            RequestStatus.SUBMITTED, RequestStatus.AUTHORIZED);

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

    /** A request as its partner filed it; it asks for each role in one position at most. */
    public static ResultWithEvents<MissionRequest> receive(UUID missionId, RequestingOrganization organization,
                                                           List<RequestedPosition> positions, int durationMonths,
                                                           String justification, String filedBy) {
        Set<PositionRole> roles = EnumSet.noneOf(PositionRole.class);
        for (RequestedPosition position : positions) {
            if (!roles.add(position.role)) {
                throw new RuleViolationException("positions", "mission-request.duplicate-role", position.role);
            }
        }
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
        return ResultWithEvents.of(request, new MissionRequestReceived(request.id, missionId, request.organization(),
                request.positionsAsAnnounced(), durationMonths, request.receivedAt));
    }

    /** Records (or, before submission, revises) the planner's assessment. */
    public void assess(Assessment.RiskLevel riskLevel, Assessment.Recommendation recommendation, String notes,
                       String assessedBy) {
        requireStatus("assess", RequestStatus.RECEIVED, RequestStatus.ASSESSED);
        assessment = new Assessment(riskLevel, recommendation, notes, assessedBy);
        moveTo(RequestStatus.ASSESSED);
    }

    /**
     * Sends the request to the CPA partners for authorization; needs a PROCEED assessment. The
     * event carries all the partners and personnel-service need to act on it.
     */
    public List<IntegrationEvent> submit(String submittedBy, String missionCode) {
        requireStatus("submit", RequestStatus.ASSESSED);
        if (assessment.recommendation != Assessment.Recommendation.PROCEED) {
            throw new ConflictException("mission-request.submission-needs-proceed");
        }
        this.submittedBy = submittedBy;
        this.submittedAt = Instant.now();
        moveTo(RequestStatus.SUBMITTED);
        return List.of(new MissionRequestSubmitted(id, missionId, missionCode, organization(), positionsAsAnnounced(),
                totalPositions(), durationMonths, submittedAt));
    }

    public List<IntegrationEvent> withdraw(String reason, String withdrawnBy) {
        if (!WITHDRAWABLE.contains(status)) {
            throw new IllegalTransitionException("mission-request.illegal-transition", "withdraw", status);
        }
        RequestStatus previous = status;
        withdrawalReason = reason;
        this.withdrawnBy = withdrawnBy;
        withdrawnAt = Instant.now();
        moveTo(RequestStatus.WITHDRAWN);
        return List.of(new MissionRequestWithdrawn(id, missionId, previous, reason, withdrawnAt));
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
     * @return the fulfilment, when the request became fulfilled now
     */
    public List<IntegrationEvent> recordInTheatre(Map<PositionRole, Integer> officersByRole) {
        for (RequestedPosition position : positions) {
            position.inTheatre = officersByRole.getOrDefault(position.role, 0);
        }
        updatedAt = Instant.now();
        if (status != RequestStatus.AUTHORIZED || !positions.stream().allMatch(RequestedPosition::isFilled)) {
            return List.of();
        }
        fulfilledAt = updatedAt;
        moveTo(RequestStatus.FULFILLED);
        int officersInTheatre = officersByRole.values().stream().mapToInt(Integer::intValue).sum();
        return List.of(new MissionRequestFulfilled(id, missionId, officersInTheatre, fulfilledAt));
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
        throw new IllegalTransitionException("mission-request.illegal-transition", action, status);
    }

    private Organization organization() {
        return new Organization(requestingOrganization.type, requestingOrganization.name, requestingOrganization.country);
    }

    private List<Position> positionsAsAnnounced() {
        return positions.stream().map(p -> new Position(p.role, p.count, p.languages, p.minYearsOfService, p.memberType))
                .toList();
    }

    private void moveTo(RequestStatus next) {
        status = next;
        updatedAt = Instant.now();
    }
}
