package ca.cpa.reporting.inbound;

import ca.cpa.events.authorization.Granted;
import ca.cpa.events.mission.MissionCreated;
import ca.cpa.events.mission.MissionStatusChanged;
import ca.cpa.events.personnel.DeploymentCancelled;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentExtended;
import ca.cpa.events.personnel.DeploymentPlanned;
import ca.cpa.events.personnel.DeploymentStarted;
import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.InboundEvent;
import ca.cpa.reporting.program.ProgramProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.util.function.BiConsumer;

/**
 * The events that change a figure, from all three services, each applied to the Program's
 * read model in the inbox's transaction; every one also moves the figures' {@code asOf}.
 */
@ApplicationScoped
public class InboundEventHandlers {

    @Inject
    ProgramProjection projection;

    @Produces
    EventHandler<MissionCreated> missionCreated() {
        return handler(MissionCreated.TYPE, MissionCreated.class, ProgramProjection::missionCreated);
    }

    @Produces
    EventHandler<MissionStatusChanged> missionStatusChanged() {
        return handler(MissionStatusChanged.TYPE, MissionStatusChanged.class, ProgramProjection::missionStatusChanged);
    }

    @Produces
    EventHandler<Granted> ceilingGranted() {
        return handler(Granted.TYPE, Granted.class, ProgramProjection::ceilingGranted);
    }

    @Produces
    EventHandler<DeploymentPlanned> deploymentPlanned() {
        return handler(DeploymentPlanned.TYPE, DeploymentPlanned.class, ProgramProjection::deploymentPlanned);
    }

    @Produces
    EventHandler<DeploymentStarted> deploymentStarted() {
        return handler(DeploymentStarted.TYPE, DeploymentStarted.class, ProgramProjection::deploymentStarted);
    }

    @Produces
    EventHandler<DeploymentExtended> deploymentExtended() {
        return handler(DeploymentExtended.TYPE, DeploymentExtended.class, ProgramProjection::deploymentExtended);
    }

    @Produces
    EventHandler<DeploymentEnded> deploymentEnded() {
        return handler(DeploymentEnded.TYPE, DeploymentEnded.class, ProgramProjection::deploymentEnded);
    }

    @Produces
    EventHandler<DeploymentCancelled> deploymentCancelled() {
        return handler(DeploymentCancelled.TYPE, DeploymentCancelled.class, ProgramProjection::deploymentCancelled);
    }

    private <T> EventHandler<T> handler(String type, Class<T> dataType, BiConsumer<ProgramProjection, T> apply) {
        return EventHandler.of(type, dataType, (InboundEvent<T> event) -> {
            apply.accept(projection, event.data());
            projection.includeUpTo(event.time());
        });
    }
}
