package ca.cpa.personnel.inbound;

import ca.cpa.events.authorization.Denied;
import ca.cpa.events.authorization.Granted;
import ca.cpa.events.mission.MissionCreated;
import ca.cpa.events.mission.MissionMandateChanged;
import ca.cpa.events.mission.MissionRequestSubmitted;
import ca.cpa.events.mission.MissionRequestWithdrawn;
import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.mission.MissionStatusChanged;
import ca.cpa.personnel.ceiling.MissionCeiling;
import ca.cpa.personnel.deployment.DeploymentService;
import ca.cpa.personnel.mission.KnownMission;
import ca.cpa.personnel.request.KnownPosition;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.RequestStatus;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.persistence.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * What personnel-service keeps from the other services' events: each mission's status and
 * mandate, the requests and their positions, whether the partners authorized them, and each
 * mission's ceiling in force.
 */
@ApplicationScoped
public class InboundEventHandlers {

    @Inject
    RowLocks rowLocks;

    @Inject
    DeploymentService deployments;

    @Produces
    EventHandler<MissionCreated> missionCreated() {
        return EventHandler.of(MissionCreated.TYPE, MissionCreated.class, event -> {
            KnownMission mission = KnownMission.remember(event.data().missionId(), event.data().code());
            mission.moveTo(event.data().status());
            mission.mandateEndsOn(event.data().mandateEnd());
        });
    }

    /** A mission closed: its PLANNED deployments are cancelled, under the planning lock. */
    @Produces
    EventHandler<MissionStatusChanged> missionStatusChanged() {
        return EventHandler.of(MissionStatusChanged.TYPE, MissionStatusChanged.class, event -> {
            if (event.data().status() == MissionStatus.CLOSED) {
                deployments.missionClosed(event.data().missionId());
            }
            KnownMission.remember(event.data().missionId(), event.data().code()).moveTo(event.data().status());
        });
    }

    @Produces
    EventHandler<MissionMandateChanged> missionMandateChanged() {
        return EventHandler.of(MissionMandateChanged.TYPE, MissionMandateChanged.class, event ->
                KnownMission.remember(event.data().missionId(), event.data().code())
                        .mandateEndsOn(event.data().mandateEnd()));
    }

    @Produces
    EventHandler<MissionRequestSubmitted> requestSubmitted() {
        return EventHandler.of(MissionRequestSubmitted.TYPE, MissionRequestSubmitted.class, event ->
                KnownRequest.submitted(event.data().missionRequestId(), event.data().missionId(),
                        event.data().durationMonths(), event.data().positions().stream().map(KnownPosition::of).toList()));
    }

    @Produces
    EventHandler<MissionRequestWithdrawn> requestWithdrawn() {
        return EventHandler.of(MissionRequestWithdrawn.TYPE, MissionRequestWithdrawn.class,
                event -> decide(event.data().missionRequestId(), event.data().missionId(), RequestStatus.WITHDRAWN));
    }

    @Produces
    EventHandler<Granted> granted() {
        return EventHandler.of(Granted.TYPE, Granted.class, event -> {
            MissionCeiling.apply(event.data().missionId(), event.data().newCeiling(), event.data().authorizationNumber());
            decide(event.data().missionRequestId(), event.data().missionId(), RequestStatus.AUTHORIZED);
        });
    }

    @Produces
    EventHandler<Denied> denied() {
        return EventHandler.of(Denied.TYPE, Denied.class,
                event -> decide(event.data().missionRequestId(), event.data().missionId(), RequestStatus.DECLINED));
    }

    /** A decision on a request (none for a ceiling amendment), even one whose submission is still on its way. */
    private void decide(UUID missionRequestId, UUID missionId, RequestStatus outcome) {
        if (missionRequestId == null) {
            return;
        }
        rowLocks.lock(KnownRequest.class, missionRequestId);
        KnownRequest.orPlaceholder(missionRequestId, missionId).moveTo(outcome);
    }
}
