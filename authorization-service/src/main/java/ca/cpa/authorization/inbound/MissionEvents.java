package ca.cpa.authorization.inbound;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The data of mission-service's events, as far as authorization-service reads it. */
public final class MissionEvents {

    public static final String MISSION_CREATED = "ca.cpa.mission.created.v1";
    public static final String REQUEST_SUBMITTED = "ca.cpa.mission-request.submitted.v1";
    public static final String REQUEST_WITHDRAWN = "ca.cpa.mission-request.withdrawn.v1";

    private MissionEvents() {
    }

    public record MissionCreated(@NotNull UUID missionId, String code) {
    }

    public record RequestSubmitted(@NotNull UUID missionRequestId, @NotNull UUID missionId, String missionCode,
                                   @NotNull @Min(1) Integer totalPositions) {
    }

    public record RequestWithdrawn(@NotNull UUID missionRequestId, String reason) {
    }
}
