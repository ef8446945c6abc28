package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.personnel.CancellationReason;
import ca.cpa.events.personnel.DeploymentCancelled;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentExtended;
import ca.cpa.events.personnel.DeploymentPlanned;
import ca.cpa.events.personnel.DeploymentStarted;
import ca.cpa.events.personnel.ReturnReason;
import ca.cpa.personnel.candidacy.Candidacy;
import ca.cpa.personnel.mission.KnownMission;
import ca.cpa.personnel.officer.Officer;
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

    @Schema(name = "DeploymentStatus", description = "PLANNED (under the ceiling) → IN_THEATRE (arrived) → COMPLETED (repatriated); PLANNED → CANCELLED (its place is free again)")
    public enum Status { PLANNED, IN_THEATRE, COMPLETED, CANCELLED }

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

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    public CancellationReason cancellationReason;

    @Column(name = "cancellation_note")
    public String cancellationNote;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The deployment this one replaces on the mission (a rotation), if any. */
    @Column(name = "replaces_deployment_id")
    public UUID replacesDeploymentId;

    /** The end planned first, once the tour has been extended. */
    @Column(name = "original_end_date")
    public LocalDate originalEndDate;

    @Column(name = "extension_justification")
    public String extensionJustification;

    @Column(name = "extended_at")
    public Instant extendedAt;

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
     * candidacy is SELECTED, its request AUTHORIZED, the mission neither suspended nor closed,
     * the candidacy not deployed already, the officer on no other tour, trained in time, the
     * deployment replaced (if any) on the same mission and not replaced already, and a place free
     * under the mission's ceiling and the program cap.
     *
     * @param officer the candidacy's officer, whose police service and member type the event reports
     * @param replaced the deployment this one replaces (a rotation), or null
     */
    public static ResultWithEvents<Deployment> plan(Candidacy candidacy, Officer officer, KnownRequest request,
                                                    Tour tour, Deployment replaced, PlanningFacts facts) {
        if (candidacy.status != Candidacy.Status.SELECTED) {
            throw new ConflictException("deployment.not-selected", candidacy.status);
        }
        if (request.status != RequestStatus.AUTHORIZED) {
            throw new ConflictException("deployment.request-not-authorized", request.status);
        }
        requireMissionOpen(facts.missionStatus());
        if (facts.candidacyDeployed()) {
            throw new ConflictException("deployment.duplicate");
        }
        if (facts.officerOnTour()) {
            throw new ConflictException("deployment.officer-busy");
        }
        if (!facts.trainedBeforeStart()) {
            throw new ConflictException("deployment.needs-training");
        }
        if (replaced != null) {
            if (!replaced.missionId.equals(request.missionId)) {
                throw new RuleViolationException("replacesDeploymentId", "deployment.replaces-other-mission");
            }
            if (facts.replacedAlready()) {
                throw new ConflictException("deployment.already-replaced", replaced.id);
            }
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
        deployment.replacesDeploymentId = replaced == null ? null : replaced.id;
        deployment.createdAt = Instant.now();
        return ResultWithEvents.of(deployment, new DeploymentPlanned(deployment.id, deployment.officerId,
                deployment.missionId, deployment.missionRequestId, deployment.role, tour.start(), tour.end(),
                deployment.replacesDeploymentId, officer.policeServiceCode, officer.memberType));
    }

    /** The officer arrived in theatre, on a mission that is neither suspended nor closed. */
    public List<IntegrationEvent> arrive(LocalDate date, MissionStatus missionStatus) {
        if (status != Status.PLANNED) {
            throw new IllegalTransitionException("deployment.illegal-transition", "arrive", status);
        }
        requireMissionOpen(missionStatus);
        arrivalDate = date;
        status = Status.IN_THEATRE;
        return List.of(new DeploymentStarted(id, officerId, missionId, missionRequestId, role, arrivalDate, endDate));
    }

    /**
     * A planned tour will not happen; its place under the ceiling and the cap is free at once.
     * The note stays here: it may be personal.
     */
    public List<IntegrationEvent> cancel(CancellationReason reason, String note) {
        if (status != Status.PLANNED) {
            throw new IllegalTransitionException("deployment.illegal-transition", "cancel", status);
        }
        status = Status.CANCELLED;
        cancellationReason = reason;
        cancellationNote = note;
        cancelledAt = Instant.now();
        return List.of(new DeploymentCancelled(id, officerId, missionId, missionRequestId, role, reason, cancelledAt));
    }

    /**
     * A planned or current tour ends later: the officer's clearances must hold through the new
     * end, and the tour may not outlast the mission's mandate.
     */
    public List<IntegrationEvent> extend(LocalDate newEnd, String justification, ExtensionFacts facts) {
        if (status != Status.PLANNED && status != Status.IN_THEATRE) {
            throw new IllegalTransitionException("deployment.illegal-transition", "extend", status);
        }
        if (!newEnd.isAfter(endDate)) {
            throw new ConflictException("deployment.extension-not-later", newEnd, endDate);
        }
        if (facts.securityClearanceExpiry() == null || facts.securityClearanceExpiry().isBefore(newEnd)) {
            throw new ConflictException("deployment.extension-beyond-security-clearance",
                    String.valueOf(facts.securityClearanceExpiry()));
        }
        if (facts.medicalClearanceExpiry() == null || facts.medicalClearanceExpiry().isBefore(newEnd)) {
            throw new ConflictException("deployment.extension-beyond-medical-clearance",
                    String.valueOf(facts.medicalClearanceExpiry()));
        }
        if (facts.mandateEnd() != null && newEnd.isAfter(facts.mandateEnd())) {
            throw new ConflictException("deployment.extension-beyond-mandate", facts.mandateEnd());
        }
        LocalDate previousEnd = endDate;
        if (originalEndDate == null) {
            originalEndDate = endDate;
        }
        endDate = newEnd;
        extensionJustification = justification;
        extendedAt = Instant.now();
        return List.of(new DeploymentExtended(id, officerId, missionId, missionRequestId, previousEnd, newEnd,
                extendedAt));
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

    private static void requireMissionOpen(MissionStatus missionStatus) {
        if (!KnownMission.isOpenForDeployments(missionStatus)) {
            throw new ConflictException("deployment.mission-not-open", missionStatus);
        }
    }
}
