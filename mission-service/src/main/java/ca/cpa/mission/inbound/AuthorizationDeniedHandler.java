package ca.cpa.mission.inbound;

import ca.cpa.mission.request.MissionRequest;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.InboundEvent;
import ca.cpa.platform.inbox.UnprocessableEventException;
import ca.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** The request the partners rejected becomes DECLINED; a denied ceiling amendment changes nothing here. */
@ApplicationScoped
public class AuthorizationDeniedHandler implements EventHandler<AuthorizationEvents.Denied> {

    @Override
    public String eventType() {
        return AuthorizationEvents.DENIED;
    }

    @Override
    public Class<AuthorizationEvents.Denied> dataType() {
        return AuthorizationEvents.Denied.class;
    }

    @Override
    public void handle(InboundEvent<AuthorizationEvents.Denied> event) {
        AuthorizationEvents.Denied denied = event.data();
        if (denied.missionRequestId() == null) {
            return;
        }
        MissionRequest request = Decisions.requestOf(denied.missionRequestId(), denied.missionId());
        try {
            request.decline(denied.caseId(), event.time());
        } catch (ProblemException illegal) {
            throw new UnprocessableEventException("request " + request.id + " cannot be declined in status "
                    + request.status);
        }
    }
}
