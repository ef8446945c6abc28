package ca.cpa.mission.evaluation;

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

/** A planning assessment or an evaluation of a mission, as the RCMP records them. */
@Entity
@Table(name = "mission_evaluation")
public class Evaluation extends PanacheEntityBase {

    @Schema(name = "EvaluationKind", description = "When the evaluation was made: PLANNING (before deployment), MID_MISSION, END_OF_MISSION")
    public enum Kind { PLANNING, MID_MISSION, END_OF_MISSION }

    @Schema(name = "EvaluationRating", description = "The evaluators' view of the mission's effect: EFFECTIVE, PARTIALLY_EFFECTIVE, NOT_EFFECTIVE")
    public enum Rating { EFFECTIVE, PARTIALLY_EFFECTIVE, NOT_EFFECTIVE }

    @Id
    public UUID id;

    @Column(name = "mission_id", nullable = false)
    public UUID missionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "evaluation_date", nullable = false)
    public LocalDate evaluationDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rating rating;

    @Column(nullable = false)
    public String summary;

    public String recommendations;

    @Column(name = "evaluated_by", nullable = false)
    public String evaluatedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Evaluation record(UUID missionId, Kind kind, LocalDate date, Rating rating, String summary,
                                    String recommendations, String evaluatedBy) {
        Evaluation evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.missionId = missionId;
        evaluation.kind = kind;
        evaluation.evaluationDate = date;
        evaluation.rating = rating;
        evaluation.summary = summary;
        evaluation.recommendations = recommendations;
        evaluation.evaluatedBy = evaluatedBy;
        evaluation.recordedAt = Instant.now();
        return evaluation;
    }
}
