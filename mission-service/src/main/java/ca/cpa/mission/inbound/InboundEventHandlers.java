package ca.cpa.mission.inbound;

import ca.cpa.mission.mission.Mission;
import ca.cpa.mission.presence.PresenceService;
import ca.cpa.mission.request.MissionRequest;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.InboundEvent;
import ca.cpa.platform.inbox.UnprocessableEventException;
import ca.cpa.platform.persistence.RowLocks;
import ca.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * What mission-service does with the events of the other services: the CPA partners'
 * decisions (authorization-service) and officers arriving in and leaving theatre
 * (personnel-service). Each runs in the inbox's transaction.
 */
@ApplicationScoped
public class InboundEventHandlers {

    @Inject
    PresenceService presence;

    @Inject
    RowLocks rowLocks;

    @Produces
    EventHandler<AuthorizationEvents.Granted> authorizationGranted() {
        return EventHandler.of(AuthorizationEvents.GRANTED, AuthorizationEvents.Granted.class, this::grant);
    }

    @Produces
    EventHandler<AuthorizationEvents.Denied> authorizationDenied() {
        return EventHandler.of(AuthorizationEvents.DENIED, AuthorizationEvents.Denied.class, this::deny);
    }

    @Produces
    EventHandler<DeploymentEvents.Deployment> deploymentStarted() {
        return EventHandler.of(DeploymentEvents.STARTED, DeploymentEvents.Deployment.class, event -> presence.arrived(
                event.data().deploymentId(), event.data().missionId(), event.data().missionRequestId(), event.data().role()));
    }

    @Produces
    EventHandler<DeploymentEvents.Deployment> deploymentEnded() {
        return EventHandler.of(DeploymentEvents.ENDED, DeploymentEvents.Deployment.class, event -> presence.left(
                event.data().deploymentId(), event.data().missionId(), event.data().missionRequestId(), event.data().role()));
    }

    /** The mission takes the new ceiling; the request it authorizes, if any, becomes AUTHORIZED. */
    private void grant(InboundEvent<AuthorizationEvents.Granted> event) {
        AuthorizationEvents.Granted granted = event.data();
        Mission mission = Mission.findById(granted.missionId(), LockModeType.PESSIMISTIC_WRITE);
        if (mission == null) {
            throw new UnprocessableEventException("granted for unknown mission " + granted.missionId());
        }
        mission.applyCeiling(granted.newCeiling(), granted.authorizationNumber());
        if (granted.missionRequestId() != null) {
            MissionRequest request = requestOf(granted.missionRequestId(), granted.missionId());
            decide(request, () -> request.authorize(granted.caseId(), event.time()));
            presence.fillPositions(request);
        }
    }

    /** The request the partners rejected becomes DECLINED; a denied ceiling amendment changes nothing here. */
    private void deny(InboundEvent<AuthorizationEvents.Denied> event) {
        AuthorizationEvents.Denied denied = event.data();
        if (denied.missionRequestId() != null) {
            MissionRequest request = requestOf(denied.missionRequestId(), denied.missionId());
            decide(request, () -> request.decline(denied.caseId(), event.time()));
        }
    }

    private static void decide(MissionRequest request, Runnable decision) {
        try {
            decision.run();
        } catch (ProblemException illegal) {
            throw new UnprocessableEventException("request " + request.id + " cannot be decided in status "
                    + request.status);
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
