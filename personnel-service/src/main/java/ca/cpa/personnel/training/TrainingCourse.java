package ca.cpa.personnel.training;

import ca.cpa.events.personnel.TrainingKind;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.RuleViolationException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A course officers take before deploying: the general pre-deployment one, or one for a mission. */
@Entity
@Table(name = "training_course")
public class TrainingCourse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrainingKind kind;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A new course; it cannot end before it starts. */
    public static TrainingCourse schedule(String title, TrainingKind kind, LocalDate startDate, LocalDate endDate,
                                          int capacity) {
        if (endDate.isBefore(startDate)) {
            throw new RuleViolationException("endDate", "training.ends-before-start");
        }
        TrainingCourse course = new TrainingCourse();
        course.id = UUID.randomUUID();
        course.title = title;
        course.kind = kind;
        course.startDate = startDate;
        course.endDate = endDate;
        course.capacity = capacity;
        course.createdAt = Instant.now();
        return course;
    }

    /**
     * Enrols an officer while the course has room, once.
     *
     * @param alreadyEnrolled whether this officer is on the course already
     * @param enrolled how many officers are on it
     */
    public Enrolment enrol(UUID officerId, boolean alreadyEnrolled, long enrolled) {
        if (alreadyEnrolled) {
            throw new ConflictException("training.already-enrolled");
        }
        if (enrolled >= capacity) {
            throw new ConflictException("training.course-full", capacity);
        }
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.courseId = id;
        enrolment.officerId = officerId;
        enrolment.enrolledAt = Instant.now();
        return enrolment;
    }
}
