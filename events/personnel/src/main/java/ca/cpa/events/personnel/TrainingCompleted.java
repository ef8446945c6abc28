package ca.cpa.events.personnel;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** An officer's result on a course; the officer appears by id only. */
public record TrainingCompleted(@NotNull UUID enrolmentId, UUID courseId, TrainingKind kind, UUID officerId,
                                TrainingOutcome outcome, Instant completedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.training.completed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return enrolmentId.toString();
    }
}
