package ca.cpa.events.mission;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A new mission; its mandate and the CPA's start on it are null when not known yet. */
public record MissionCreated(@NotNull UUID missionId, String code, String nameEn, String nameFr, String hostCountry,
                             MissionType type, String partnerOrganization, @NotNull MissionStatus status,
                             Instant createdAt, LocalDate mandateStart, LocalDate mandateEnd, LocalDate cpaSince)
        implements IntegrationEvent {

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
