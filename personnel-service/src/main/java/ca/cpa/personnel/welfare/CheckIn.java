package ca.cpa.personnel.welfare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A welfare contact with a deployed officer: how the officer is doing. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Schema(name = "Wellbeing", description = "GOOD; CONCERN (follow up); URGENT (raises a welfare alert event at once)")
    public enum Wellbeing { GOOD, CONCERN, URGENT }

    @Id
    public UUID id;

    @Column(name = "deployment_id", nullable = false)
    public UUID deploymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Wellbeing wellbeing;

    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
