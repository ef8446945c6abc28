package ca.cpa.personnel.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A course officers take before deploying: the general pre-deployment one, or one for a mission. */
@Entity
@Table(name = "training_course")
public class TrainingCourse extends PanacheEntityBase {

    @Schema(name = "TrainingKind", description = "PRE_DEPLOYMENT: required before any deployment (passed in the 12 months before it starts); MISSION_SPECIFIC: for one mission")
    public enum Kind { PRE_DEPLOYMENT, MISSION_SPECIFIC }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
