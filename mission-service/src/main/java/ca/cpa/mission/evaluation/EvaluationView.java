package ca.cpa.mission.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Evaluation")
public record EvaluationView(UUID id, UUID missionId, Evaluation.Kind kind, LocalDate evaluationDate,
                             Evaluation.Rating rating, @Schema(maxLength = 4000, example = "Mentoring reached every district station; reporting improved.") String summary, @Schema(maxLength = 4000, example = "Add two French-speaking mentors for the elections period.") String recommendations,
                             @Schema(description = "Subject of the token that recorded it", maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String evaluatedBy,
                             Instant recordedAt) {

    public static EvaluationView of(Evaluation evaluation) {
        return new EvaluationView(evaluation.id, evaluation.missionId, evaluation.kind, evaluation.evaluationDate,
                evaluation.rating, evaluation.summary, evaluation.recommendations, evaluation.evaluatedBy,
                evaluation.recordedAt);
    }
}
