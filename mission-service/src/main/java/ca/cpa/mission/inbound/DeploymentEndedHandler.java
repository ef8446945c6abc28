package ca.cpa.mission.inbound;

import ca.cpa.mission.presence.PresenceService;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class DeploymentEndedHandler implements EventHandler<DeploymentEvents.Deployment> {

    @Inject
    PresenceService presence;

    @Override
    public String eventType() {
        return DeploymentEvents.ENDED;
    }

    @Override
    public Class<DeploymentEvents.Deployment> dataType() {
        return DeploymentEvents.Deployment.class;
    }

    @Override
    public void handle(InboundEvent<DeploymentEvents.Deployment> event) {
        DeploymentEvents.Deployment deployment = event.data();
        presence.left(deployment.deploymentId(), deployment.missionId(), deployment.missionRequestId(),
                deployment.role());
    }
}
