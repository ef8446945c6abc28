package ca.cpa.personnel.deployment;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.MissionStatus;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.personnel.CancellationReason;
import ca.cpa.events.personnel.DeploymentCancelled;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentExtended;
import ca.cpa.events.personnel.DeploymentPlanned;
import ca.cpa.events.personnel.DeploymentStarted;
import ca.cpa.events.personnel.ReturnReason;
import ca.cpa.personnel.candidacy.Candidacy;
import ca.cpa.personnel.ceiling.Places;
import ca.cpa.personnel.ceiling.ProgramCap;
import ca.cpa.personnel.officer.Officer;
import ca.cpa.personnel.request.KnownPosition;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.RequestStatus;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.DomainException;
import ca.cpa.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every guard of planning a deployment, in the order it is checked, and the tour's steps; no database. */
class DeploymentPlanningTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final Tour TOUR = new Tour(START, START.plusMonths(9));
    private static final ProgramCap CAP = new ProgramCap(150);
    private static final Officer OFFICER = officer("SPVM", MemberType.CIVILIAN_MEMBER);
    private static final PlanningFacts ALL_CLEAR = new PlanningFacts(MissionStatus.ACTIVE, false, false, true, false, new Places(2, 7, 40, CAP));

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

    private static Officer officer(String policeServiceCode, MemberType memberType) {
        Officer officer = new Officer();
        officer.policeServiceCode = policeServiceCode;
        officer.memberType = memberType;
        return officer;
    }

    private static String refusal(Executable planning) {
        return assertThrows(DomainException.class, planning).code();
    }

    @Test
    void aSelectedTrainedOfficerWithAFreePlaceIsPlannedAndAnnounced() {
        KnownRequest request = authorizedRequest();
        Candidacy candidacy = selected(request);

        ResultWithEvents<Deployment> planned = Deployment.plan(candidacy, OFFICER, request, TOUR, null, ALL_CLEAR);

        Deployment deployment = planned.result();
        assertEquals(Deployment.Status.PLANNED, deployment.status);
        assertEquals(request.missionId, deployment.missionId);
        assertEquals(candidacy.officerId, deployment.officerId);
        assertEquals(List.of(new DeploymentPlanned(deployment.id, candidacy.officerId, request.missionId, request.id,
                PositionRole.COMMUNITY_POLICING, TOUR.start(), TOUR.end(), null, "SPVM", MemberType.CIVILIAN_MEMBER)),
                planned.events());
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
            assertEquals("deployment.not-selected", refusal(() -> Deployment.plan(candidacy, OFFICER, request, TOUR, null, ALL_CLEAR)));
        }
    }

    @Test
    void onlyAnAuthorizedRequestsCandidateIsPlanned() {
        for (RequestStatus status : List.of(RequestStatus.SUBMITTED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN)) {
            KnownRequest request = authorizedRequest();
            request.status = status;
            assertEquals("deployment.request-not-authorized",
                    refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, ALL_CLEAR)));
        }
    }

    @Test
    void aCandidacyIsPlannedOnce() {
        KnownRequest request = authorizedRequest();
        PlanningFacts deployedAlready = new PlanningFacts(MissionStatus.ACTIVE, true, true, true, false, ALL_CLEAR.places());
        assertEquals("deployment.duplicate", refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, deployedAlready)));
    }

    @Test
    void anOfficerIsOnOneTourAtATime() {
        KnownRequest request = authorizedRequest();
        PlanningFacts onTour = new PlanningFacts(MissionStatus.ACTIVE, false, true, true, false, ALL_CLEAR.places());
        assertEquals("deployment.officer-busy", refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, onTour)));
    }

    @Test
    void anOfficerIsTrainedBeforeTheTourStarts() {
        KnownRequest request = authorizedRequest();
        PlanningFacts untrained = new PlanningFacts(MissionStatus.ACTIVE, false, false, false, false, ALL_CLEAR.places());
        assertEquals("deployment.needs-training", refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, untrained)));
    }

    @Test
    void theMissionsCeilingThenTheProgramCapAreCheckedLast() {
        KnownRequest request = authorizedRequest();
        PlanningFacts bothFull = new PlanningFacts(MissionStatus.ACTIVE, false, false, true, false, new Places(7, 7, 150, CAP));
        assertEquals("deployment.ceiling-reached", refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, bothFull)));
        PlanningFacts capFull = new PlanningFacts(MissionStatus.ACTIVE, false, false, true, false, new Places(2, 7, 150, CAP));
        assertEquals("deployment.program-cap-reached", refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, capFull)));
        // an untrained officer hears about the training, not the ceiling
        PlanningFacts untrainedAndFull = new PlanningFacts(MissionStatus.ACTIVE, false, false, false, false, new Places(7, 7, 150, CAP));
        assertEquals("deployment.needs-training",
                refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, untrainedAndFull)));
    }

    @Test
    void aPlannedTourArrivesThenComesHomeNotBeforeItArrived() {
        KnownRequest request = authorizedRequest();
        Deployment deployment = Deployment.plan(selected(request), OFFICER, request, TOUR, null, ALL_CLEAR).result();
        assertThrows(ConflictException.class, () -> deployment.repatriate(START, ReturnReason.END_OF_TOUR));

        assertEquals(List.of(new DeploymentStarted(deployment.id, deployment.officerId, deployment.missionId,
                request.id, PositionRole.COMMUNITY_POLICING, START, TOUR.end())), deployment.arrive(START, MissionStatus.ACTIVE));
        assertThrows(ConflictException.class, () -> deployment.arrive(START, MissionStatus.ACTIVE));
        assertEquals("returnDate", assertThrows(RuleViolationException.class,
                () -> deployment.repatriate(START.minusDays(1), ReturnReason.EARLY_RETURN)).field());

        assertEquals(List.of(new DeploymentEnded(deployment.id, deployment.officerId, deployment.missionId, request.id,
                PositionRole.COMMUNITY_POLICING, START.plusMonths(2), ReturnReason.EARLY_RETURN)),
                deployment.repatriate(START.plusMonths(2), ReturnReason.EARLY_RETURN));
        assertEquals(Deployment.Status.COMPLETED, deployment.status);
    }

    @Test
    void noOfficerIsPlannedForOrArrivesOnASuspendedOrClosedMission() {
        KnownRequest request = authorizedRequest();
        for (MissionStatus closed : List.of(MissionStatus.SUSPENDED, MissionStatus.CLOSED)) {
            PlanningFacts facts = new PlanningFacts(closed, false, false, true, false, ALL_CLEAR.places());
            assertEquals("deployment.mission-not-open",
                    refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, null, facts)));
        }
        PlanningFacts neverAnnounced = new PlanningFacts(null, false, false, true, false, ALL_CLEAR.places());
        Deployment deployment = Deployment.plan(selected(request), OFFICER, request, TOUR, null, neverAnnounced).result();
        assertEquals("deployment.mission-not-open",
                assertThrows(ConflictException.class, () -> deployment.arrive(START, MissionStatus.SUSPENDED)).code());
        assertEquals(Deployment.Status.PLANNED, deployment.status);
    }

    @Test
    void aRotationReplacesAnOfficerOnTheSameMissionOnce() {
        KnownRequest request = authorizedRequest();
        Deployment outgoing = Deployment.plan(selected(request), OFFICER, request, TOUR, null, ALL_CLEAR).result();

        ResultWithEvents<Deployment> rotation = Deployment.plan(selected(request), OFFICER, request, TOUR, outgoing, ALL_CLEAR);
        assertEquals(outgoing.id, rotation.result().replacesDeploymentId);
        assertEquals(outgoing.id, ((DeploymentPlanned) rotation.events().get(0)).replacesDeploymentId());

        PlanningFacts replacedAlready = new PlanningFacts(MissionStatus.ACTIVE, false, false, true, true, ALL_CLEAR.places());
        assertEquals("deployment.already-replaced",
                refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, outgoing, replacedAlready)));
        KnownRequest elsewhere = authorizedRequest();
        assertEquals("replacesDeploymentId", assertThrows(RuleViolationException.class,
                () -> Deployment.plan(selected(elsewhere), OFFICER, elsewhere, TOUR, outgoing, ALL_CLEAR)).field());
        // the ceiling applies to a rotation as to any deployment
        PlanningFacts full = new PlanningFacts(MissionStatus.ACTIVE, false, false, true, false, new Places(7, 7, 7, CAP));
        assertEquals("deployment.ceiling-reached", refusal(() -> Deployment.plan(selected(request), OFFICER, request, TOUR, outgoing, full)));
    }

    @Test
    void onlyAPlannedTourIsCancelledAndTheCancellationIsAnnounced() {
        KnownRequest request = authorizedRequest();
        Deployment deployment = Deployment.plan(selected(request), OFFICER, request, TOUR, null, ALL_CLEAR).result();

        List<IntegrationEvent> cancelled = deployment.cancel(CancellationReason.MEDICAL, "withdrawn on medical advice");
        assertEquals(List.of(new DeploymentCancelled(deployment.id, deployment.officerId, deployment.missionId, request.id,
                PositionRole.COMMUNITY_POLICING, CancellationReason.MEDICAL, deployment.cancelledAt)), cancelled);
        assertEquals(Deployment.Status.CANCELLED, deployment.status);
        assertEquals("deployment.illegal-transition", assertThrows(ConflictException.class,
                () -> deployment.cancel(CancellationReason.OPERATIONAL, null)).code());
        assertEquals("deployment.illegal-transition", assertThrows(ConflictException.class,
                () -> deployment.arrive(START, MissionStatus.ACTIVE)).code());

        Deployment inTheatre = Deployment.plan(selected(request), OFFICER, request, TOUR, null, ALL_CLEAR).result();
        inTheatre.arrive(START, MissionStatus.ACTIVE);
        assertThrows(ConflictException.class, () -> inTheatre.cancel(CancellationReason.OPERATIONAL, null));
    }

    @Test
    void aTourIsExtendedWithinTheClearancesAndTheMandate() {
        KnownRequest request = authorizedRequest();
        Deployment deployment = Deployment.plan(selected(request), OFFICER, request, TOUR, null, ALL_CLEAR).result();
        LocalDate end = TOUR.end();
        LocalDate later = end.plusMonths(3);
        ExtensionFacts cleared = new ExtensionFacts(later.plusYears(1), later.plusYears(1), later.plusYears(1));

        assertEquals("deployment.extension-not-later",
                refusal(() -> deployment.extend(end, "same", cleared)));
        assertEquals("deployment.extension-beyond-security-clearance",
                refusal(() -> deployment.extend(later, "x", new ExtensionFacts(later.minusDays(1), later, null))));
        assertEquals("deployment.extension-beyond-security-clearance",
                refusal(() -> deployment.extend(later, "x", new ExtensionFacts(null, later, null))));
        assertEquals("deployment.extension-beyond-medical-clearance",
                refusal(() -> deployment.extend(later, "x", new ExtensionFacts(later, later.minusDays(1), null))));
        assertEquals("deployment.extension-beyond-mandate",
                refusal(() -> deployment.extend(later, "x", new ExtensionFacts(later, later, later.minusDays(1)))));
        assertEquals(end, deployment.endDate, "a refused extension changes nothing");

        DeploymentExtended extended = (DeploymentExtended) deployment.extend(later, "Elections postponed", cleared).get(0);
        assertEquals(end, extended.previousEndDate());
        assertEquals(later, extended.endDate());
        assertEquals(later, deployment.endDate);
        assertEquals(end, deployment.originalEndDate);

        deployment.arrive(START, MissionStatus.ACTIVE);
        deployment.extend(later.plusMonths(1), "Again", cleared);
        assertEquals(end, deployment.originalEndDate, "the first planned end is kept");
        deployment.repatriate(START.plusMonths(2), ReturnReason.END_OF_TOUR);
        assertEquals("deployment.illegal-transition",
                refusal(() -> deployment.extend(later.plusMonths(2), "too late", cleared)));
    }

    @Test
    void everyReturnButTheEndOfTheTourIsEarly() {
        assertEquals(List.of(ReturnReason.EARLY_RETURN, ReturnReason.MEDICAL_EVACUATION, ReturnReason.COMPASSIONATE),
                Arrays.stream(ReturnReason.values()).filter(ReturnReason::isEarly).toList());
    }
}
