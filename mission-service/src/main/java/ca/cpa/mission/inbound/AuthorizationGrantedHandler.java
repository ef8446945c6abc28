package ca.cpa.mission.inbound;

import ca.cpa.mission.mission.Mission;
import ca.cpa.mission.request.MissionRequest;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.InboundEvent;
import ca.cpa.platform.inbox.UnprocessableEventException;
import ca.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** The mission takes the new ceiling; the request it authorizes, if any, becomes AUTHORIZED. */
@ApplicationScoped
public class AuthorizationGrantedHandler implements EventHandler<AuthorizationEvents.Granted> {

    @Override
    public String eventType() {
        return AuthorizationEvents.GRANTED;
    }

    @Override
    public Class<AuthorizationEvents.Granted> dataType() {
        return AuthorizationEvents.Granted.class;
    }

    @Override
    public void handle(InboundEvent<AuthorizationEvents.Granted> event) {
        AuthorizationEvents.Granted granted = event.data();
        Mission mission = Mission.findById(granted.missionId(), LockModeType.PESSIMISTIC_WRITE);
        if (mission == null) {
            throw new UnprocessableEventException("granted for unknown mission " + granted.missionId());
        }
        mission.applyCeiling(granted.newCeiling());
        if (granted.missionRequestId() != null) {
            MissionRequest request = Decisions.requestOf(granted.missionRequestId(), granted.missionId());
            try {
                request.authorize(granted.caseId(), event.time());
            } catch (ProblemException illegal) {
                throw new UnprocessableEventException("request " + request.id + " cannot be authorized in status "
                        + request.status);
            }
        }
    }
}
