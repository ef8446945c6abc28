package ca.cpa.personnel.training;

import ca.cpa.platform.core.events.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** An officer's result on a course; the officer appears by id only. */
public record TrainingCompleted(UUID enrolmentId, UUID courseId, TrainingCourse.Kind kind, UUID officerId,
                                Enrolment.Outcome outcome, Instant completedAt) implements IntegrationEvent {
    @Override
    public String eventType() {
        return "ca.cpa.training.completed.v1";
    }

    @Override
    public String subject() {
        return enrolmentId.toString();
    }
}
