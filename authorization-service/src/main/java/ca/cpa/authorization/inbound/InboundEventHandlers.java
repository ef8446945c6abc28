package ca.cpa.authorization.inbound;

import ca.cpa.authorization.cases.CaseService;
import ca.cpa.authorization.cases.KnownMission;
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
    EventHandler<MissionEvents.MissionCreated> missionCreated() {
        return EventHandler.of(MissionEvents.MISSION_CREATED, MissionEvents.MissionCreated.class,
                event -> KnownMission.remember(event.data().missionId(), event.data().code()));
    }

    @Produces
    EventHandler<MissionEvents.RequestSubmitted> requestSubmitted() {
        return EventHandler.of(MissionEvents.REQUEST_SUBMITTED, MissionEvents.RequestSubmitted.class,
                this::openDeploymentCase);
    }

    @Produces
    EventHandler<MissionEvents.RequestWithdrawn> requestWithdrawn() {
        return EventHandler.of(MissionEvents.REQUEST_WITHDRAWN, MissionEvents.RequestWithdrawn.class,
                event -> cases.withdrawForRequest(event.data().missionRequestId(), event.data().reason(), event.source()));
    }

    private void openDeploymentCase(InboundEvent<MissionEvents.RequestSubmitted> event) {
        MissionEvents.RequestSubmitted submitted = event.data();
        cases.openForSubmittedRequest(submitted.missionRequestId(), submitted.missionId(), submitted.missionCode(),
                submitted.totalPositions(), event.source());
    }
}
