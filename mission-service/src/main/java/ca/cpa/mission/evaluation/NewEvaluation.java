package ca.cpa.mission.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "An evaluation to record")
public record NewEvaluation(
        @Schema(description = "PLANNING before deployment, MID_MISSION during it, END_OF_MISSION after it")
        @NotNull Evaluation.Kind kind,
        @Schema(example = "2026-11-20") @NotNull @PastOrPresent LocalDate evaluationDate,
        @NotNull Evaluation.Rating rating,
        @Schema(example = "Mentoring of the Palestinian Authority Security Forces is on track.")
        @NotBlank @Size(max = 4000) String summary,
        @Schema(example = "Add two French-speaking mentors for the next rotation.")
        @Size(max = 4000) String recommendations) {
}
