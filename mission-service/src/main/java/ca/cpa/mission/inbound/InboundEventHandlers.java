package ca.cpa.mission.inbound;

import ca.cpa.events.authorization.Denied;
import ca.cpa.events.authorization.Granted;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentStarted;
import ca.cpa.mission.missions.Mission;
import ca.cpa.mission.presence.PresenceService;
import ca.cpa.mission.request.MissionRequest;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.InboundEvent;
import ca.cpa.platform.inbox.UnprocessableEventException;
import ca.cpa.platform.persistence.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * What mission-service does with the events of the other services: the CPA partners'
 * decisions (authorization-service) and officers arriving in and leaving theatre
 * (personnel-service). Each runs in the inbox's transaction; a decision the request's status
 * cannot take is refused by the request itself, and the inbox sets the event aside.
 */
@ApplicationScoped
public class InboundEventHandlers {

    @Inject
    PresenceService presence;

    @Inject
    RowLocks rowLocks;

    @Produces
    EventHandler<Granted> authorizationGranted() {
        return EventHandler.of(Granted.TYPE, Granted.class, this::grant);
    }

    @Produces
    EventHandler<Denied> authorizationDenied() {
        return EventHandler.of(Denied.TYPE, Denied.class, this::deny);
    }

    @Produces
    EventHandler<DeploymentStarted> deploymentStarted() {
        return EventHandler.of(DeploymentStarted.TYPE, DeploymentStarted.class, event -> presence.arrived(
                event.data().deploymentId(), event.data().missionId(), event.data().missionRequestId(), event.data().role()));
    }

    @Produces
    EventHandler<DeploymentEnded> deploymentEnded() {
        return EventHandler.of(DeploymentEnded.TYPE, DeploymentEnded.class, event -> presence.left(
                event.data().deploymentId(), event.data().missionId(), event.data().missionRequestId(), event.data().role()));
    }

    /** The mission takes the new ceiling; the request it authorizes, if any, becomes AUTHORIZED. */
    private void grant(InboundEvent<Granted> event) {
        Granted granted = event.data();
        Mission mission = Mission.findById(granted.missionId(), LockModeType.PESSIMISTIC_WRITE);
        if (mission == null) {
            throw new UnprocessableEventException("granted for unknown mission " + granted.missionId());
        }
        mission.applyCeiling(granted.newCeiling(), granted.authorizationNumber());
        if (granted.missionRequestId() != null) {
            MissionRequest request = requestOf(granted.missionRequestId(), granted.missionId());
            request.authorize(granted.caseId(), event.time());
            presence.fillPositions(request);
        }
    }

    /** The request the partners rejected becomes DECLINED; a denied ceiling amendment changes nothing here. */
    private void deny(InboundEvent<Denied> event) {
        Denied denied = event.data();
        if (denied.missionRequestId() != null) {
            requestOf(denied.missionRequestId(), denied.missionId()).decline(denied.caseId(), event.time());
        }
    }

    private MissionRequest requestOf(UUID missionRequestId, UUID missionId) {
        MissionRequest request = rowLocks.lock(MissionRequest.class, missionRequestId)
                ? MissionRequest.findById(missionRequestId) : null;
        if (request == null || !request.missionId.equals(missionId)) {
            throw new UnprocessableEventException("decision for unknown request " + missionRequestId
                    + " of mission " + missionId);
        }
        return request;
    }
}
