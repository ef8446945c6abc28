package ca.cpa.authorization.inbound;

import ca.cpa.authorization.cases.CaseService;
import ca.cpa.authorization.cases.KnownMission;
import ca.cpa.events.mission.MissionCreated;
import ca.cpa.events.mission.MissionRequestSubmitted;
import ca.cpa.events.mission.MissionRequestWithdrawn;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * What authorization-service does with mission-service's events: a submitted request opens a
 * deployment case, a withdrawn one withdraws it, and new missions become known. Each runs in
 * the inbox's transaction.
 */
@ApplicationScoped
public class InboundEventHandlers {

    @Inject
    CaseService cases;

    @Produces
    EventHandler<MissionCreated> missionCreated() {
        return EventHandler.of(MissionCreated.TYPE, MissionCreated.class,
                event -> KnownMission.remember(event.data().missionId(), event.data().code()));
    }

    @Produces
    EventHandler<MissionRequestSubmitted> requestSubmitted() {
        return EventHandler.of(MissionRequestSubmitted.TYPE, MissionRequestSubmitted.class, this::openDeploymentCase);
    }

    @Produces
    EventHandler<MissionRequestWithdrawn> requestWithdrawn() {
        return EventHandler.of(MissionRequestWithdrawn.TYPE, MissionRequestWithdrawn.class,
                event -> cases.withdrawForRequest(event.data().missionRequestId(), event.data().reason(), event.source()));
    }

    private void openDeploymentCase(InboundEvent<MissionRequestSubmitted> event) {
        MissionRequestSubmitted submitted = event.data();
        cases.openForSubmittedRequest(submitted.missionRequestId(), submitted.missionId(), submitted.missionCode(),
                submitted.totalPositions(), event.source());
    }
}
