package ca.cpa.personnel.training;

import ca.cpa.events.personnel.TrainingCompleted;
import ca.cpa.events.personnel.TrainingKind;
import ca.cpa.events.personnel.TrainingOutcome;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.domain.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An officer's place on a course, and how the officer did. */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(name = "officer_id", nullable = false)
    public UUID officerId;

    @Enumerated(EnumType.STRING)
    public TrainingOutcome outcome;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "result_at")
    public Instant resultAt;

    @Version
    public long version;

    /** Records the officer's result on {@code course}, once. */
    public List<IntegrationEvent> record(TrainingOutcome result, TrainingCourse course) {
        if (outcome != null) {
            throw new ConflictException("enrolment.result-recorded", outcome);
        }
        outcome = result;
        resultAt = Instant.now();
        return List.of(new TrainingCompleted(id, course.id, course.kind, officerId, outcome, resultAt));
    }

    /**
     * Whether the officer passed a pre-deployment course that ended within the twelve months
     * before {@code start}.
     */
    public static boolean passedPreDeploymentBefore(UUID officerId, LocalDate start) {
        return count("""
                        officerId = ?1 and outcome = ?2 and courseId in (select c.id from TrainingCourse c
                        where c.kind = ?3 and c.endDate <= ?4 and c.endDate >= ?5)""",
                officerId, TrainingOutcome.PASSED, TrainingKind.PRE_DEPLOYMENT, start, start.minusMonths(12)) > 0;
    }
}
