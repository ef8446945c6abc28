package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The period a mission's mandate covers changed; either end may be unknown (null). No tour is
 * extended past the mandate's end.
 */
public record MissionMandateChanged(@NotNull UUID missionId, String code, LocalDate mandateStart,
                                    LocalDate mandateEnd, Instant changedAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.mission.mandate-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return missionId.toString();
    }
}
