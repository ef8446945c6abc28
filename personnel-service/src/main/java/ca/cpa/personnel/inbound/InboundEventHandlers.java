package ca.cpa.personnel.inbound;

import ca.cpa.personnel.request.KnownPosition;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.MissionCeiling;
import ca.cpa.personnel.request.RequestStatus;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.persistence.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * What personnel-service keeps from the other services' events: the requests and their
 * positions, whether the partners authorized them, and each mission's ceiling in force.
 */
@ApplicationScoped
public class InboundEventHandlers {

    @Inject
    RowLocks rowLocks;

    @Produces
    EventHandler<InboundEvents.RequestSubmitted> requestSubmitted() {
        return EventHandler.of(InboundEvents.REQUEST_SUBMITTED, InboundEvents.RequestSubmitted.class, event ->
                KnownRequest.submitted(event.data().missionRequestId(), event.data().missionId(),
                        event.data().durationMonths(), event.data().positions().stream()
                                .map(p -> new KnownPosition(p.role(), p.count(), p.languages(), p.minYearsOfService(),
                                        p.memberType()))
                                .toList()));
    }

    @Produces
    EventHandler<InboundEvents.RequestWithdrawn> requestWithdrawn() {
        return EventHandler.of(InboundEvents.REQUEST_WITHDRAWN, InboundEvents.RequestWithdrawn.class,
                event -> decide(event.data().missionRequestId(), event.data().missionId(), RequestStatus.WITHDRAWN));
    }

    @Produces
    EventHandler<InboundEvents.Granted> granted() {
        return EventHandler.of(InboundEvents.GRANTED, InboundEvents.Granted.class, event -> {
            MissionCeiling.apply(event.data().missionId(), event.data().newCeiling(), event.data().authorizationNumber());
            decide(event.data().missionRequestId(), event.data().missionId(), RequestStatus.AUTHORIZED);
        });
    }

    @Produces
    EventHandler<InboundEvents.Denied> denied() {
        return EventHandler.of(InboundEvents.DENIED, InboundEvents.Denied.class,
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
