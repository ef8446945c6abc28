package ca.cpa.personnel.deployment;

import ca.cpa.events.personnel.ReturnReason;
import ca.cpa.personnel.candidacy.Candidacy;
import ca.cpa.personnel.ceiling.MissionCeiling;
import ca.cpa.personnel.ceiling.Places;
import ca.cpa.personnel.ceiling.ProgramCap;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.training.Enrolment;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.persistence.RowLocks;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Deployments under the ceilings. Planning one takes a single database lock first, so the
 * places counted under the mission's ceiling and the program-wide cap are the places taken,
 * however many requests arrive at once; the rules themselves are {@link Deployment#plan}'s.
 */
@ApplicationScoped
public class DeploymentService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    RowLocks rowLocks;

    @Inject
    ProgramCap programCap;

    @Transactional
    public Deployment plan(UUID candidacyId, LocalDate startDate, LocalDate endDate) {
        Tour tour = new Tour(startDate, endDate);
        entityManager.createNativeQuery("SELECT id FROM deployment_lock WHERE id = 1 FOR UPDATE").getResultList();
        Candidacy candidacy = Candidacy.<Candidacy>findByIdOptional(candidacyId)
                .orElseThrow(() -> new RuleViolationException("candidacyId", "deployment.unknown-candidacy"));
        KnownRequest request = KnownRequest.findById(candidacy.missionRequestId);
        PlanningFacts facts = new PlanningFacts(
                Deployment.count("candidacyId", candidacyId) > 0,
                Deployment.isActive(candidacy.officerId),
                Enrolment.passedPreDeploymentBefore(candidacy.officerId, startDate),
                new Places(Deployment.activeOnMission(request.missionId), MissionCeiling.of(request.missionId),
                        Deployment.activeInProgram(), programCap));
        ResultWithEvents<Deployment> planned = Deployment.plan(candidacy, request, tour, facts);
        planned.result().persistAndFlush();
        outbox.publish(planned.events());
        return planned.result();
    }

    @Transactional
    public Deployment arrive(UUID id) {
        Deployment deployment = lock(id);
        List<IntegrationEvent> events = deployment.arrive(LocalDate.now(ZoneOffset.UTC));
        Deployment.flush();
        outbox.publish(events);
        return deployment;
    }

    @Transactional
    public Deployment repatriate(UUID id, LocalDate returnDate, ReturnReason reason) {
        Deployment deployment = lock(id);
        List<IntegrationEvent> events = deployment.repatriate(returnDate, reason);
        Deployment.flush();
        outbox.publish(events);
        return deployment;
    }

    public Deployment get(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id).orElseThrow(() -> new NotFoundException("deployment", id));
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
            throw new NotFoundException("deployment", id);
        }
        return Deployment.findById(id);
    }
}
