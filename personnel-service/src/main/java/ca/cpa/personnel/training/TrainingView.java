package ca.cpa.personnel.training;

import ca.cpa.events.personnel.TrainingKind;
import ca.cpa.events.personnel.TrainingOutcome;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What clients send and read about training. */
public final class TrainingView {

    private TrainingView() {
    }

    @Schema(name = "NewTrainingCourse")
    public record NewCourse(
            @Schema(example = "International Peace Operations pre-deployment course") @NotBlank @Size(max = 200) String title,
            @NotNull TrainingKind kind,
            @Schema(example = "2027-01-11") @NotNull LocalDate startDate,
            @Schema(example = "2027-01-22") @NotNull LocalDate endDate,
            @Schema(example = "24") @NotNull @Min(1) @Max(500) Integer capacity) {
    }

    @Schema(name = "NewEnrolment")
    public record NewEnrolment(@NotNull UUID officerId) {
    }

    @Schema(name = "TrainingResult")
    public record Result(@NotNull TrainingOutcome outcome) {
    }

    @Schema(name = "TrainingCourse")
    public record Course(UUID id, @Schema(maxLength = 200, example = "Pre-deployment training, winter session") String title, TrainingKind kind, LocalDate startDate, LocalDate endDate,
                         @Schema(example = "24") int capacity) {
        static Course of(TrainingCourse course) {
            return new Course(course.id, course.title, course.kind, course.startDate, course.endDate, course.capacity);
        }
    }

    @Schema(name = "Enrolment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnrolmentView(UUID id, UUID courseId, UUID officerId, TrainingOutcome outcome, Instant enrolledAt,
                                Instant resultAt) {
        static EnrolmentView of(Enrolment enrolment) {
            return new EnrolmentView(enrolment.id, enrolment.courseId, enrolment.officerId, enrolment.outcome,
                    enrolment.enrolledAt, enrolment.resultAt);
        }
    }
}
