package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

public record MissionCreated(@NotNull UUID missionId, String code, String nameEn, String nameFr, String hostCountry,
                             MissionType type, String partnerOrganization, MissionStatus status,
                             Instant createdAt) implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.mission.created.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return missionId.toString();
    }
}
