package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Carries all authorization-service and personnel-service need to act on the request. */
public record MissionRequestSubmitted(@NotNull UUID missionRequestId, @NotNull UUID missionId, String missionCode,
                                      Organization requestingOrganization,
                                      @NotEmpty List<@NotNull @Valid Position> positions,
                                      @NotNull @Min(1) Integer totalPositions,
                                      @NotNull @Min(1) Integer durationMonths, Instant submittedAt)
        implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.mission-request.submitted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return missionRequestId.toString();
    }
}
