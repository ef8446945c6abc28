package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.personnel.CancellationReason;
import ca.cpa.events.personnel.ReturnReason;
import ca.cpa.personnel.candidacy.Candidacy;
import ca.cpa.personnel.ceiling.MissionCeiling;
import ca.cpa.personnel.ceiling.Places;
import ca.cpa.personnel.ceiling.ProgramCap;
import ca.cpa.personnel.mission.KnownMission;
import ca.cpa.personnel.officer.Officer;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.training.Enrolment;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.persistence.RowLocks;
import ca.cpa.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    @Inject
    Caller caller;

    @Inject
    Event<ReturnedEarly> earlyReturns;

    /** @param replacesDeploymentId the deployment the new one replaces (a rotation), or null */
    @Transactional
    public Deployment plan(UUID candidacyId, LocalDate startDate, LocalDate endDate, UUID replacesDeploymentId) {
        Tour tour = new Tour(startDate, endDate);
        lockPlanning();
        // the candidacy's row too, so that it cannot be released while it is being planned
        if (!rowLocks.lock(Candidacy.class, candidacyId)) {
            throw new RuleViolationException("candidacyId", "deployment.unknown-candidacy");
        }
        Candidacy candidacy = Candidacy.findById(candidacyId);
        Deployment replaced = replacesDeploymentId == null ? null : Deployment.<Deployment>findByIdOptional(replacesDeploymentId)
                .orElseThrow(() -> new RuleViolationException("replacesDeploymentId", "deployment.unknown-replaced"));
        KnownRequest request = KnownRequest.findById(candidacy.missionRequestId);
        PlanningFacts facts = new PlanningFacts(
                missionStatus(request.missionId),
                Deployment.count("candidacyId", candidacyId) > 0,
                Deployment.isActive(candidacy.officerId),
                Enrolment.passedPreDeploymentBefore(candidacy.officerId, startDate),
                replaced != null && Deployment.count("replacesDeploymentId = ?1 and status != ?2", replaced.id,
                        Deployment.Status.CANCELLED) > 0,
                new Places(Deployment.activeOnMission(request.missionId), MissionCeiling.of(request.missionId),
                        Deployment.activeInProgram(), programCap));
        ResultWithEvents<Deployment> planned = Deployment.plan(candidacy, Officer.findById(candidacy.officerId), request,
                tour, replaced, facts);
        planned.result().persistAndFlush();
        outbox.publish(planned.events());
        return planned.result();
    }

    @Transactional
    public Deployment arrive(UUID id, String ifMatch) {
        Deployment deployment = lock(id, ifMatch);
        return publish(deployment, deployment.arrive(LocalDate.now(ZoneOffset.UTC), missionStatus(deployment.missionId)));
    }

    /** An early return of any kind is also recorded by welfare support, which raises an alert. */
    @Transactional
    public Deployment repatriate(UUID id, String ifMatch, LocalDate returnDate, ReturnReason reason) {
        Deployment deployment = lock(id, ifMatch);
        List<IntegrationEvent> events = deployment.repatriate(returnDate, reason);
        publish(deployment, events);
        if (reason.isEarly()) {
            earlyReturns.fire(new ReturnedEarly(deployment, reason, caller.subject()));
        }
        return deployment;
    }

    /** Its place under the ceiling and the cap is free once this commits. */
    @Transactional
    public Deployment cancel(UUID id, String ifMatch, CancellationReason reason, String note) {
        Deployment deployment = lock(id, ifMatch);
        return publish(deployment, deployment.cancel(reason, note));
    }

    @Transactional
    public Deployment extend(UUID id, String ifMatch, LocalDate endDate, String justification) {
        Deployment deployment = lock(id, ifMatch);
        Officer officer = Officer.findById(deployment.officerId);
        KnownMission mission = KnownMission.findById(deployment.missionId);
        ExtensionFacts facts = new ExtensionFacts(officer.clearanceExpiry, officer.medicalExpiry,
                mission == null ? null : mission.mandateEnd);
        return publish(deployment, deployment.extend(endDate, justification, facts));
    }

    /**
     * The mission closed: every deployment still PLANNED on it is cancelled (MISSION_CLOSED);
     * those in theatre stay for repatriation. Under the planning lock, so a plan that raced the
     * closure either came first, and is cancelled here, or comes after, and is refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void missionClosed(UUID missionId) {
        lockPlanning();
        List<Deployment> planned = Deployment.list("missionId = ?1 and status = ?2", missionId, Deployment.Status.PLANNED);
        for (Deployment deployment : planned) {
            outbox.publish(deployment.cancel(CancellationReason.MISSION_CLOSED, null));
        }
        Deployment.flush();
    }

    public Deployment get(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id).orElseThrow(() -> new NotFoundException("deployment", id));
    }

    public PageResponse<DeploymentView> list(UUID officerId, UUID missionId, Deployment.Status status, PageRequest page) {
        Filter filter = new Filter()
                .and("officerId = :officerId", "officerId", officerId)
                .and("missionId = :missionId", "missionId", missionId)
                .and("status = :status", "status", status);
        return PageResponse.ofPage(Deployment.find(filter.query(), Sort.by("startDate").and("id"), filter.parameters()),
                page, DeploymentView::ofAll);
    }

    /** The deployment the caller changes, locked; a stale If-Match is refused. */
    private Deployment lock(UUID id, String ifMatch) {
        if (!rowLocks.lock(Deployment.class, id)) {
            throw new NotFoundException("deployment", id);
        }
        Deployment deployment = Deployment.findById(id);
        ETags.requireMatch(ifMatch, deployment.version);
        return deployment;
    }

    private Deployment publish(Deployment deployment, List<IntegrationEvent> events) {
        Deployment.flush();
        outbox.publish(events);
        return deployment;
    }

    /** One lock for everything that counts or frees places, so counts are the places taken. */
    private void lockPlanning() {
        entityManager.createNativeQuery("SELECT id FROM deployment_lock WHERE id = 1 FOR UPDATE").getResultList();
    }

    private static MissionStatus missionStatus(UUID missionId) {
        KnownMission mission = KnownMission.findById(missionId);
        return mission == null ? null : mission.status;
    }
}
