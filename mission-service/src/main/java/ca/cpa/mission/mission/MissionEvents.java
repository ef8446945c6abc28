package ca.cpa.mission.mission;

import ca.cpa.platform.events.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** What mission-service announces about missions on {@code cpa.mission.events}. */
public final class MissionEvents {

    private MissionEvents() {
    }

    public record MissionCreated(UUID missionId, String code, String nameEn, String nameFr, String hostCountry,
                                 MissionType type, String partnerOrganization, MissionStatus status,
                                 Instant createdAt) implements IntegrationEvent {
        static MissionCreated of(Mission mission) {
            return new MissionCreated(mission.id, mission.code, mission.nameEn, mission.nameFr, mission.hostCountry,
                    mission.type, mission.partnerOrganization, mission.status, mission.createdAt);
        }

        @Override
        public String eventType() {
            return "ca.cpa.mission.created.v1";
        }

        @Override
        public String subject() {
            return missionId.toString();
        }
    }

    public record MissionStatusChanged(UUID missionId, String code, MissionStatus previousStatus,
                                       MissionStatus status, Instant changedAt) implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.mission.status-changed.v1";
        }

        @Override
        public String subject() {
            return missionId.toString();
        }
    }
}
