package ca.cpa.mission.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Evaluation")
public record EvaluationView(UUID id, UUID missionId, Evaluation.Kind kind, LocalDate evaluationDate,
                             Evaluation.Rating rating, String summary, String recommendations,
                             @Schema(description = "Subject of the token that recorded it") String evaluatedBy,
                             Instant recordedAt) {

    public static EvaluationView of(Evaluation evaluation) {
        return new EvaluationView(evaluation.id, evaluation.missionId, evaluation.kind, evaluation.evaluationDate,
                evaluation.rating, evaluation.summary, evaluation.recommendations, evaluation.evaluatedBy,
                evaluation.recordedAt);
    }
}
