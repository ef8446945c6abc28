package ca.cpa.personnel.training;

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
import java.util.UUID;

/** An officer's place on a course, and how the officer did. */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    @Schema(name = "TrainingOutcome", description = "The officer's result: PASSED or FAILED")
    public enum Outcome { PASSED, FAILED }

    @Id
    public UUID id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(name = "officer_id", nullable = false)
    public UUID officerId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "result_at")
    public Instant resultAt;

    @Version
    public long version;

    public void record(Outcome result) {
        if (outcome != null) {
            throw ProblemException.conflict("enrolment.result-recorded", outcome);
        }
        outcome = result;
        resultAt = Instant.now();
    }

    /**
     * Whether the officer passed a pre-deployment course that ended within the twelve months
     * before {@code start}.
     */
    public static boolean passedPreDeploymentBefore(UUID officerId, LocalDate start) {
        return count("""
                        officerId = ?1 and outcome = ?2 and courseId in (select c.id from TrainingCourse c
                        where c.kind = ?3 and c.endDate <= ?4 and c.endDate >= ?5)""",
                officerId, Outcome.PASSED, TrainingCourse.Kind.PRE_DEPLOYMENT, start, start.minusMonths(12)) > 0;
    }
}
