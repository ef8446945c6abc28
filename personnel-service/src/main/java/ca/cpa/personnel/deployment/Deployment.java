package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentPlanned;
import ca.cpa.events.personnel.DeploymentStarted;
import ca.cpa.events.personnel.ReturnReason;
import ca.cpa.personnel.candidacy.Candidacy;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.RequestStatus;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.IllegalTransitionException;
import ca.cpa.platform.domain.RuleViolationException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An officer's tour on a mission: planned under the mission's ceiling and the program cap, in
 * theatre, then completed on return. Each step returns the event that announces it.
 */
@Entity
@Table(name = "deployment")
public class Deployment extends PanacheEntityBase {

    @Schema(name = "DeploymentStatus", description = "PLANNED (under the ceiling) → IN_THEATRE (arrived) → COMPLETED (repatriated)")
    public enum Status { PLANNED, IN_THEATRE, COMPLETED }

    /** The statuses that hold a place under the ceilings. */
    public static final List<Status> ACTIVE = List.of(Status.PLANNED, Status.IN_THEATRE);

    @Id
    public UUID id;

    @Column(name = "candidacy_id", nullable = false, unique = true)
    public UUID candidacyId;

    @Column(name = "officer_id", nullable = false)
    public UUID officerId;

    @Column(name = "mission_id", nullable = false)
    public UUID missionId;

    @Column(name = "mission_request_id", nullable = false)
    public UUID missionRequestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PositionRole role;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "arrival_date")
    public LocalDate arrivalDate;

    @Column(name = "return_date")
    public LocalDate returnDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "return_reason")
    public ReturnReason returnReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public static boolean isActive(UUID officerId) {
        return count("officerId = ?1 and status in ?2", officerId, ACTIVE) > 0;
    }

    public static long activeOnMission(UUID missionId) {
        return count("missionId = ?1 and status in ?2", missionId, ACTIVE);
    }

    public static long activeInProgram() {
        return count("status in ?1", ACTIVE);
    }

    /**
     * Plans the selected officer's tour, when every rule of planning holds, in this order: the
     * candidacy is SELECTED, its request AUTHORIZED, the candidacy not deployed already, the
     * officer on no other tour, trained in time, and a place free under the mission's ceiling and
     * the program cap.
     */
    public static ResultWithEvents<Deployment> plan(Candidacy candidacy, KnownRequest request, Tour tour,
                                                    PlanningFacts facts) {
        if (candidacy.status != Candidacy.Status.SELECTED) {
            throw new ConflictException("deployment.not-selected", candidacy.status);
        }
        if (request.status != RequestStatus.AUTHORIZED) {
            throw new ConflictException("deployment.request-not-authorized", request.status);
        }
        if (facts.candidacyDeployed()) {
            throw new ConflictException("deployment.duplicate");
        }
        if (facts.officerOnTour()) {
            throw new ConflictException("deployment.officer-busy");
        }
        if (!facts.trainedBeforeStart()) {
            throw new ConflictException("deployment.needs-training");
        }
        facts.places().requireFreePlace();
        Deployment deployment = new Deployment();
        deployment.id = UUID.randomUUID();
        deployment.candidacyId = candidacy.id;
        deployment.officerId = candidacy.officerId;
        deployment.missionId = request.missionId;
        deployment.missionRequestId = request.id;
        deployment.role = candidacy.role;
        deployment.startDate = tour.start();
        deployment.endDate = tour.end();
        deployment.status = Status.PLANNED;
        deployment.createdAt = Instant.now();
        return ResultWithEvents.of(deployment, new DeploymentPlanned(deployment.id, deployment.officerId,
                deployment.missionId, deployment.missionRequestId, deployment.role, tour.start(), tour.end()));
    }

    public List<IntegrationEvent> arrive(LocalDate date) {
        if (status != Status.PLANNED) {
            throw new IllegalTransitionException("deployment.illegal-transition", "arrive", status);
        }
        arrivalDate = date;
        status = Status.IN_THEATRE;
        return List.of(new DeploymentStarted(id, officerId, missionId, missionRequestId, role, arrivalDate, endDate));
    }

    public List<IntegrationEvent> repatriate(LocalDate date, ReturnReason reason) {
        if (status != Status.IN_THEATRE) {
            throw new IllegalTransitionException("deployment.illegal-transition", "repatriate", status);
        }
        if (date.isBefore(arrivalDate)) {
            throw new RuleViolationException("returnDate", "deployment.return-before-arrival");
        }
        returnDate = date;
        returnReason = reason;
        status = Status.COMPLETED;
        return List.of(new DeploymentEnded(id, officerId, missionId, missionRequestId, role, date, reason));
    }

    public boolean isInTheatre() {
        return status == Status.IN_THEATRE;
    }
}
