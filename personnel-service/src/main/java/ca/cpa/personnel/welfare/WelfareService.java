package ca.cpa.personnel.welfare;

import ca.cpa.personnel.deployment.Deployment;
import ca.cpa.personnel.deployment.DeploymentService;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
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
    public CheckIn checkIn(UUID deploymentId, CheckIn.Wellbeing wellbeing, String notes) {
        Deployment deployment = deployments.get(deploymentId);
        if (deployment.status != Deployment.Status.IN_THEATRE) {
            throw ProblemException.conflict("welfare.not-in-theatre", deployment.status);
        }
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.deploymentId = deploymentId;
        checkIn.wellbeing = wellbeing;
        checkIn.notes = notes;
        checkIn.recordedBy = caller.subject();
        checkIn.recordedAt = Instant.now();
        checkIn.persist();
        if (wellbeing == CheckIn.Wellbeing.URGENT) {
            outbox.publish(new WelfareAlert(deploymentId, checkIn.id, deployment.officerId, deployment.missionId,
                    wellbeing, checkIn.recordedAt));
        }
        return checkIn;
    }

    public CheckIn checkIn(UUID deploymentId, UUID checkInId) {
        return CheckIn.<CheckIn>find("id = ?1 and deploymentId = ?2", checkInId, deploymentId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("check-in", checkInId));
    }

    public PageResponse<CheckInView> checkIns(UUID deploymentId, PageRequest page) {
        deployments.get(deploymentId);
        return PageResponse.of(CheckIn.find("deploymentId", Sort.by("recordedAt").descending(), deploymentId), page,
                CheckInView::of);
    }
}
