package ca.cpa.personnel.deployment;

import ca.cpa.personnel.request.PositionRole;
import ca.cpa.platform.problem.ProblemException;
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

/** An officer's tour on a mission: planned, in theatre, then completed on return. */
@Entity
@Table(name = "deployment")
public class Deployment extends PanacheEntityBase {

    @Schema(name = "DeploymentStatus", description = "PLANNED (under the ceiling) → IN_THEATRE (arrived) → COMPLETED (repatriated)")
    public enum Status { PLANNED, IN_THEATRE, COMPLETED }

    @Schema(name = "ReturnReason", description = "END_OF_TOUR or EARLY_RETURN")
    public enum ReturnReason { END_OF_TOUR, EARLY_RETURN }

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

    public void arrive(LocalDate date) {
        if (status != Status.PLANNED) {
            throw ProblemException.conflict("deployment.illegal-transition", "arrive", status);
        }
        arrivalDate = date;
        status = Status.IN_THEATRE;
    }

    public void repatriate(LocalDate date, ReturnReason reason) {
        if (status != Status.IN_THEATRE) {
            throw ProblemException.conflict("deployment.illegal-transition", "repatriate", status);
        }
        if (date.isBefore(arrivalDate)) {
            throw ProblemException.invalidField("returnDate", "deployment.return-before-arrival");
        }
        returnDate = date;
        returnReason = reason;
        status = Status.COMPLETED;
    }
}
