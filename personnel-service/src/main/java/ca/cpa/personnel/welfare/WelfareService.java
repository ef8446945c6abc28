package ca.cpa.personnel.welfare;

import ca.cpa.events.personnel.Wellbeing;
import ca.cpa.personnel.deployment.DeploymentService;
import ca.cpa.personnel.deployment.ReturnedEarly;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Welfare support during a tour; an urgent check-in raises an alert for those who must act. */
@ApplicationScoped
public class WelfareService {

    @Inject
    DeploymentService deployments;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Transactional
    public CheckIn checkIn(UUID deploymentId, Wellbeing wellbeing, String notes) {
        ResultWithEvents<CheckIn> recorded = CheckIn.record(deployments.get(deploymentId), wellbeing, notes,
                caller.subject());
        recorded.result().persist();
        outbox.publish(recorded.events());
        return recorded.result();
    }

    /** An early return is an urgent welfare matter, recorded in the repatriation's transaction. */
    void earlyReturn(@Observes ReturnedEarly returned) {
        ResultWithEvents<CheckIn> recorded = CheckIn.earlyReturn(returned.deployment(), returned.reason(),
                returned.recordedBy());
        recorded.result().persist();
        outbox.publish(recorded.events());
    }

    public CheckIn checkIn(UUID deploymentId, UUID checkInId) {
        return CheckIn.<CheckIn>find("id = ?1 and deploymentId = ?2", checkInId, deploymentId).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("check-in", checkInId));
    }

    public PageResponse<CheckInView> checkIns(UUID deploymentId, PageRequest page) {
        deployments.get(deploymentId);
        return PageResponse.of(CheckIn.find("deploymentId", Sort.by("recordedAt").descending(), deploymentId), page,
                CheckInView::of);
    }
}
