package ca.cpa.mission.request;

import ca.cpa.platform.events.IntegrationEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What mission-service announces about mission requests on {@code cpa.mission.events}. */
public final class MissionRequestEvents {

    private MissionRequestEvents() {
    }

    public record Organization(OrganizationType type, String name, String country) {
        static Organization of(RequestingOrganization organization) {
            return new Organization(organization.type, organization.name, organization.country);
        }
    }

    public record Position(PositionRole role, int count, List<String> languages, int minYearsOfService,
                           MemberType memberType) {
        static List<Position> of(List<RequestedPosition> positions) {
            return positions.stream().map(p -> new Position(p.role, p.count, p.languages, p.minYearsOfService,
                    p.memberType)).toList();
        }
    }

    public record MissionRequestReceived(UUID missionRequestId, UUID missionId, Organization requestingOrganization,
                                         List<Position> positions, int durationMonths, Instant receivedAt)
            implements IntegrationEvent {
        static MissionRequestReceived of(MissionRequest request) {
            return new MissionRequestReceived(request.id, request.missionId,
                    Organization.of(request.requestingOrganization), Position.of(request.positions),
                    request.durationMonths, request.receivedAt);
        }

        @Override
        public String eventType() {
            return "ca.cpa.mission-request.received.v1";
        }

        @Override
        public String subject() {
            return missionRequestId.toString();
        }
    }

    /** Carries all authorization-service and personnel-service need to act on the request. */
    public record MissionRequestSubmitted(UUID missionRequestId, UUID missionId, String missionCode,
                                          Organization requestingOrganization, List<Position> positions,
                                          int totalPositions, int durationMonths, Instant submittedAt)
            implements IntegrationEvent {
        static MissionRequestSubmitted of(MissionRequest request, String missionCode) {
            return new MissionRequestSubmitted(request.id, request.missionId, missionCode,
                    Organization.of(request.requestingOrganization), Position.of(request.positions),
                    request.totalPositions(), request.durationMonths, request.submittedAt);
        }

        @Override
        public String eventType() {
            return "ca.cpa.mission-request.submitted.v1";
        }

        @Override
        public String subject() {
            return missionRequestId.toString();
        }
    }

    public record MissionRequestWithdrawn(UUID missionRequestId, UUID missionId, RequestStatus previousStatus,
                                          String reason, Instant withdrawnAt) implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.mission-request.withdrawn.v1";
        }

        @Override
        public String subject() {
            return missionRequestId.toString();
        }
    }

    public record MissionRequestFulfilled(UUID missionRequestId, UUID missionId, int officersInTheatre,
                                          Instant fulfilledAt) implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.mission-request.fulfilled.v1";
        }

        @Override
        public String subject() {
            return missionRequestId.toString();
        }
    }
}
