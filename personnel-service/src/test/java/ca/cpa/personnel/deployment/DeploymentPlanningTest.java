package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentPlanned;
import ca.cpa.events.personnel.DeploymentStarted;
import ca.cpa.events.personnel.ReturnReason;
import ca.cpa.personnel.candidacy.Candidacy;
import ca.cpa.personnel.ceiling.Places;
import ca.cpa.personnel.ceiling.ProgramCap;
import ca.cpa.personnel.request.KnownPosition;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.RequestStatus;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.DomainException;
import ca.cpa.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every guard of planning a deployment, in the order it is checked, and the tour's steps; no database. */
class DeploymentPlanningTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final Tour TOUR = new Tour(START, START.plusMonths(9));
    private static final ProgramCap CAP = new ProgramCap(150);
    private static final PlanningFacts ALL_CLEAR = new PlanningFacts(false, false, true, new Places(2, 7, 40, CAP));

    private static KnownRequest authorizedRequest() {
        KnownRequest request = new KnownRequest();
        request.id = UUID.randomUUID();
        request.missionId = UUID.randomUUID();
        request.status = RequestStatus.AUTHORIZED;
        request.durationMonths = 9;
        request.positions = List.of(new KnownPosition(PositionRole.COMMUNITY_POLICING, 2, List.of("fr"), 5,
                MemberType.SWORN_OFFICER));
        return request;
    }

    private static Candidacy selected(KnownRequest request) {
        Candidacy candidacy = new Candidacy();
        candidacy.id = UUID.randomUUID();
        candidacy.officerId = UUID.randomUUID();
        candidacy.missionRequestId = request.id;
        candidacy.role = PositionRole.COMMUNITY_POLICING;
        candidacy.status = Candidacy.Status.SELECTED;
        return candidacy;
    }

    private static String refusal(Executable planning) {
        return assertThrows(DomainException.class, planning).code();
    }

    @Test
    void aSelectedTrainedOfficerWithAFreePlaceIsPlannedAndAnnounced() {
        KnownRequest request = authorizedRequest();
        Candidacy candidacy = selected(request);

        ResultWithEvents<Deployment> planned = Deployment.plan(candidacy, request, TOUR, ALL_CLEAR);

        Deployment deployment = planned.result();
        assertEquals(Deployment.Status.PLANNED, deployment.status);
        assertEquals(request.missionId, deployment.missionId);
        assertEquals(candidacy.officerId, deployment.officerId);
        assertEquals(List.of(new DeploymentPlanned(deployment.id, candidacy.officerId, request.missionId, request.id,
                PositionRole.COMMUNITY_POLICING, TOUR.start(), TOUR.end())), planned.events());
    }

    @Test
    void aTourEndsAfterItStarts() {
        RuleViolationException refused = assertThrows(RuleViolationException.class, () -> new Tour(START, START));
        assertEquals("endDate", refused.field());
        assertEquals("deployment.ends-before-start", refused.code());
    }

    @Test
    void onlyASelectedCandidacyIsPlanned() {
        KnownRequest request = authorizedRequest();
        for (Candidacy.Status status : List.of(Candidacy.Status.ELIGIBLE, Candidacy.Status.INELIGIBLE,
                Candidacy.Status.NOT_SELECTED)) {
            Candidacy candidacy = selected(request);
            candidacy.status = status;
            assertEquals("deployment.not-selected", refusal(() -> Deployment.plan(candidacy, request, TOUR, ALL_CLEAR)));
        }
    }

    @Test
    void onlyAnAuthorizedRequestsCandidateIsPlanned() {
        for (RequestStatus status : List.of(RequestStatus.SUBMITTED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN)) {
            KnownRequest request = authorizedRequest();
            request.status = status;
            assertEquals("deployment.request-not-authorized",
                    refusal(() -> Deployment.plan(selected(request), request, TOUR, ALL_CLEAR)));
        }
    }

    @Test
    void aCandidacyIsPlannedOnce() {
        KnownRequest request = authorizedRequest();
        PlanningFacts deployedAlready = new PlanningFacts(true, true, true, ALL_CLEAR.places());
        assertEquals("deployment.duplicate", refusal(() -> Deployment.plan(selected(request), request, TOUR, deployedAlready)));
    }

    @Test
    void anOfficerIsOnOneTourAtATime() {
        KnownRequest request = authorizedRequest();
        PlanningFacts onTour = new PlanningFacts(false, true, true, ALL_CLEAR.places());
        assertEquals("deployment.officer-busy", refusal(() -> Deployment.plan(selected(request), request, TOUR, onTour)));
    }

    @Test
    void anOfficerIsTrainedBeforeTheTourStarts() {
        KnownRequest request = authorizedRequest();
        PlanningFacts untrained = new PlanningFacts(false, false, false, ALL_CLEAR.places());
        assertEquals("deployment.needs-training", refusal(() -> Deployment.plan(selected(request), request, TOUR, untrained)));
    }

    @Test
    void theMissionsCeilingThenTheProgramCapAreCheckedLast() {
        KnownRequest request = authorizedRequest();
        PlanningFacts bothFull = new PlanningFacts(false, false, true, new Places(7, 7, 150, CAP));
        assertEquals("deployment.ceiling-reached", refusal(() -> Deployment.plan(selected(request), request, TOUR, bothFull)));
        PlanningFacts capFull = new PlanningFacts(false, false, true, new Places(2, 7, 150, CAP));
        assertEquals("deployment.program-cap-reached", refusal(() -> Deployment.plan(selected(request), request, TOUR, capFull)));
        // an untrained officer hears about the training, not the ceiling
        PlanningFacts untrainedAndFull = new PlanningFacts(false, false, false, new Places(7, 7, 150, CAP));
        assertEquals("deployment.needs-training",
                refusal(() -> Deployment.plan(selected(request), request, TOUR, untrainedAndFull)));
    }

    @Test
    void aPlannedTourArrivesThenComesHomeNotBeforeItArrived() {
        KnownRequest request = authorizedRequest();
        Deployment deployment = Deployment.plan(selected(request), request, TOUR, ALL_CLEAR).result();
        assertThrows(ConflictException.class, () -> deployment.repatriate(START, ReturnReason.END_OF_TOUR));

        assertEquals(List.of(new DeploymentStarted(deployment.id, deployment.officerId, deployment.missionId,
                request.id, PositionRole.COMMUNITY_POLICING, START, TOUR.end())), deployment.arrive(START));
        assertThrows(ConflictException.class, () -> deployment.arrive(START));
        assertEquals("returnDate", assertThrows(RuleViolationException.class,
                () -> deployment.repatriate(START.minusDays(1), ReturnReason.EARLY_RETURN)).field());

        assertEquals(List.of(new DeploymentEnded(deployment.id, deployment.officerId, deployment.missionId, request.id,
                PositionRole.COMMUNITY_POLICING, START.plusMonths(2), ReturnReason.EARLY_RETURN)),
                deployment.repatriate(START.plusMonths(2), ReturnReason.EARLY_RETURN));
        assertEquals(Deployment.Status.COMPLETED, deployment.status);
    }
}
