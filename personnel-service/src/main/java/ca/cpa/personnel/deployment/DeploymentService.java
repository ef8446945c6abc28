package ca.cpa.personnel.deployment;

import ca.cpa.personnel.candidacy.Candidacy;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.MissionCeiling;
import ca.cpa.personnel.request.RequestStatus;
import ca.cpa.personnel.training.Enrolment;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.persistence.RowLocks;
import ca.cpa.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Deployments under the ceilings. Planning one takes a single database lock first, so the
 * places counted under the mission's ceiling and the program-wide cap are the places taken,
 * however many requests arrive at once.
 */
@ApplicationScoped
public class DeploymentService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    RowLocks rowLocks;

    @ConfigProperty(name = "cpa.program.cap")
    int programCap;

    @Transactional
    public Deployment plan(UUID candidacyId, LocalDate startDate, LocalDate endDate) {
        if (!endDate.isAfter(startDate)) {
            throw ProblemException.invalidField("endDate", "deployment.ends-before-start");
        }
        entityManager.createNativeQuery("SELECT id FROM deployment_lock WHERE id = 1 FOR UPDATE").getResultList();
        Candidacy candidacy = Candidacy.<Candidacy>findByIdOptional(candidacyId)
                .orElseThrow(() -> ProblemException.invalidField("candidacyId", "deployment.unknown-candidacy"));
        if (candidacy.status != Candidacy.Status.SELECTED) {
            throw ProblemException.conflict("deployment.not-selected", candidacy.status);
        }
        KnownRequest request = KnownRequest.findById(candidacy.missionRequestId);
        if (request.status != RequestStatus.AUTHORIZED) {
            throw ProblemException.conflict("deployment.request-not-authorized", request.status);
        }
        if (Deployment.count("candidacyId", candidacyId) > 0) {
            throw ProblemException.conflict("deployment.duplicate");
        }
        if (Deployment.isActive(candidacy.officerId)) {
            throw ProblemException.conflict("deployment.officer-busy");
        }
        if (!Enrolment.passedPreDeploymentBefore(candidacy.officerId, startDate)) {
            throw ProblemException.conflict("deployment.needs-training");
        }
        int ceiling = MissionCeiling.of(request.missionId);
        if (Deployment.activeOnMission(request.missionId) >= ceiling) {
            throw ProblemException.conflict("deployment.ceiling-reached", ceiling);
        }
        if (Deployment.activeInProgram() >= programCap) {
            throw ProblemException.conflict("deployment.program-cap-reached", programCap);
        }
        Deployment deployment = new Deployment();
        deployment.id = UUID.randomUUID();
        deployment.candidacyId = candidacyId;
        deployment.officerId = candidacy.officerId;
        deployment.missionId = request.missionId;
        deployment.missionRequestId = request.id;
        deployment.role = candidacy.role;
        deployment.startDate = startDate;
        deployment.endDate = endDate;
        deployment.status = Deployment.Status.PLANNED;
        deployment.createdAt = Instant.now();
        deployment.persistAndFlush();
        outbox.publish(new DeploymentEvents.DeploymentPlanned(deployment.id, deployment.officerId, deployment.missionId,
                deployment.missionRequestId, deployment.role, startDate, endDate));
        return deployment;
    }

    @Transactional
    public Deployment arrive(UUID id) {
        Deployment deployment = lock(id);
        deployment.arrive(LocalDate.now(ZoneOffset.UTC));
        Deployment.flush();
        outbox.publish(new DeploymentEvents.DeploymentStarted(deployment.id, deployment.officerId, deployment.missionId,
                deployment.missionRequestId, deployment.role, deployment.arrivalDate, deployment.endDate));
        return deployment;
    }

    @Transactional
    public Deployment repatriate(UUID id, LocalDate returnDate, Deployment.ReturnReason reason) {
        Deployment deployment = lock(id);
        deployment.repatriate(returnDate, reason);
        Deployment.flush();
        outbox.publish(new DeploymentEvents.DeploymentEnded(deployment.id, deployment.officerId, deployment.missionId,
                deployment.missionRequestId, deployment.role, returnDate, reason));
        return deployment;
    }

    public Deployment get(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("deployment", id));
    }

    public PageResponse<DeploymentView> list(UUID missionId, Deployment.Status status, PageRequest page) {
        Filter filter = new Filter()
                .and("missionId = :missionId", "missionId", missionId)
                .and("status = :status", "status", status);
        return PageResponse.of(Deployment.find(filter.query(), Sort.by("startDate").and("id"), filter.parameters()), page,
                DeploymentView::of);
    }

    private Deployment lock(UUID id) {
        if (!rowLocks.lock(Deployment.class, id)) {
            throw ProblemException.notFound("deployment", id);
        }
        return Deployment.findById(id);
    }
}
