package ca.cpa.personnel;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static ca.cpa.personnel.Api.TODAY;
import static ca.cpa.personnel.Api.as;
import static ca.cpa.personnel.Api.newId;
import static ca.cpa.personnel.Api.officerDesk;
import static ca.cpa.personnel.Lifecycle.END;
import static ca.cpa.personnel.Lifecycle.START;
import static ca.cpa.personnel.Lifecycle.arrive;
import static ca.cpa.personnel.Lifecycle.awaitEvent;
import static ca.cpa.personnel.Lifecycle.cancel;
import static ca.cpa.personnel.Lifecycle.count;
import static ca.cpa.personnel.Lifecycle.etag;
import static ca.cpa.personnel.Lifecycle.extend;
import static ca.cpa.personnel.Lifecycle.extensionJson;
import static ca.cpa.personnel.Lifecycle.get;
import static ca.cpa.personnel.Lifecycle.planned;
import static ca.cpa.personnel.Lifecycle.repatriate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a deployment after planning, through the API and the events of the other services:
 * cancellation, the mission's suspension and closure, extension, rotation, early returns, the
 * release of a candidate, the lists by officer, mission and status, If-Match and Idempotency-Key.
 */
@QuarkusTest
class DeploymentLifecycleTest {

    private static final String ROLE = "HUMAN_RIGHTS_INVESTIGATION";
    private static final String CANCELLED = "ca.cpa.deployment.cancelled.v1";
    private static final String EXTENDED = "ca.cpa.deployment.extended.v1";
    private static final String STARTED = "ca.cpa.deployment.started.v1";
    private static final String WELFARE_ALERT = "ca.cpa.deployment.welfare-alert.v1";

    // ----- cancellation --------------------------------------------------------------------------

    @Test
    void onlyAPlannedDeploymentIsCancelledAndTheCancellationIsAnnouncedWithoutItsNote() {
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 5, 5, 1);
        String course = Api.recentCourse();
        String deployment = planned(Api.deployableCandidacy(request, ROLE, course));

        officerDesk().body("{\"reason\": \"WITHDRAWN_BY_OFFICER\", \"note\": \"  Family illness, left before training.  \"}")
                .post("/api/v1/deployments/" + deployment + "/cancellation")
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("WITHDRAWN_BY_OFFICER"))
                .body("cancellationNote", equalTo("Family illness, left before training."))
                .body("cancelledAt", notNullValue());
        get(deployment).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("WITHDRAWN_BY_OFFICER"));

        KafkaEvents.ReceivedEvent cancelled = awaitEvent(CANCELLED, deployment);
        assertEquals(deployment, cancelled.key());
        assertEquals("/cpa/personnel-service", cancelled.header("ce_source"));
        assertTrue(cancelled.data().contains("\"reason\":\"WITHDRAWN_BY_OFFICER\""), cancelled.data());
        assertTrue(cancelled.data().contains("\"missionId\":\"" + missionId + "\""), cancelled.data());
        assertTrue(cancelled.data().contains("\"missionRequestId\":\"" + request + "\""), cancelled.data());
        assertFalse(cancelled.data().contains("Family illness"), "the note stays in personnel-service: " + cancelled.data());

        cancel(deployment, "OPERATIONAL").then().statusCode(409)
                .body("detail", equalTo("Cannot cancel a deployment that is CANCELLED."));
        arrive(deployment).then().statusCode(409).body("detail", equalTo("Cannot arrive a deployment that is CANCELLED."));

        String inTheatre = planned(Api.deployableCandidacy(request, ROLE, course));
        arrive(inTheatre).then().statusCode(200);
        cancel(inTheatre, "MEDICAL").then().statusCode(409).contentType("application/problem+json")
                .header("Content-Language", "en")
                .body("type", equalTo("urn:cpa:problem:conflict"))
                .body("detail", equalTo("Cannot cancel a deployment that is IN_THEATRE."));
        officerDesk().header("Accept-Language", "fr").body("{\"reason\": \"MEDICAL\"}")
                .post("/api/v1/deployments/" + inTheatre + "/cancellation")
                .then().statusCode(409).header("Content-Language", "fr")
                .body("detail", equalTo("Impossible de faire « cancel » sur un déploiement à l’état IN_THEATRE."));
        repatriate(inTheatre, "END_OF_TOUR").then().statusCode(200);
        cancel(inTheatre, "MEDICAL").then().statusCode(409)
                .body("detail", equalTo("Cannot cancel a deployment that is COMPLETED."));
        get(inTheatre).then().body("status", equalTo("COMPLETED")).body("cancellationReason", nullValue());

        String other = planned(Api.deployableCandidacy(request, ROLE, course));
        cancel(other, "CHANGED_MIND").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        officerDesk().body("{\"note\": \"No reason given.\"}").post("/api/v1/deployments/" + other + "/cancellation")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        cancel(newId(), "MEDICAL").then().statusCode(404);
        as(Roles.AUDITOR).body("{\"reason\": \"MEDICAL\"}").post("/api/v1/deployments/" + other + "/cancellation")
                .then().statusCode(403);
        get(other).then().body("status", equalTo("PLANNED"));
        cancel(other, "OPERATIONAL").then().statusCode(200).body("cancellationNote", nullValue());
    }

    @Test
    void aCancellationFreesItsPlaceUnderTheCeilingAtOnce() {
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 5, 2, 1);
        String course = Api.recentCourse();
        String first = planned(Api.deployableCandidacy(request, ROLE, course));
        planned(Api.deployableCandidacy(request, ROLE, course));
        String waiting = Api.deployableCandidacy(request, ROLE, course);
        Api.plan(waiting).then().statusCode(409).body("detail", equalTo(Lifecycle.ceilingReached(2)));

        cancel(first, "MEDICAL").then().statusCode(200);
        Api.plan(waiting).then().statusCode(201).body("status", equalTo("PLANNED"));
        officerDesk().queryParam("missionId", missionId).queryParam("status", "PLANNED").get("/api/v1/deployments")
                .then().body("totalItems", equalTo(2));
    }

    // ----- the mission's status ------------------------------------------------------------------

    @Test
    void aClosedMissionCancelsItsPlannedDeploymentsAndTakesNoMore() {
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 10, 10, 1);
        Lifecycle.missionCreated(missionId, "ACTIVE", TODAY.minusYears(1), TODAY.plusYears(3));
        String course = Api.recentCourse();
        String probe = Lifecycle.probe(request, ROLE);
        String plannedOne = planned(Api.deployableCandidacy(request, ROLE, course));
        String plannedTwo = planned(Api.deployableCandidacy(request, ROLE, course));
        String inTheatre = planned(Api.deployableCandidacy(request, ROLE, course));
        arrive(inTheatre).then().statusCode(200);
        String later = Api.deployableCandidacy(request, ROLE, course);

        Lifecycle.missionStatusChanged(missionId, "ACTIVE", "CLOSED");
        Lifecycle.awaitMissionNotOpen(probe, "CLOSED");

        for (String deployment : List.of(plannedOne, plannedTwo)) {
            get(deployment).then().statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("cancellationReason", equalTo("MISSION_CLOSED"))
                    .body("cancelledAt", notNullValue());
            awaitEvent(CANCELLED, deployment, data -> data.contains("\"reason\":\"MISSION_CLOSED\""));
        }
        get(inTheatre).then().body("status", equalTo("IN_THEATRE")).body("cancellationReason", nullValue());
        officerDesk().queryParam("missionId", missionId).queryParam("status", "PLANNED").get("/api/v1/deployments")
                .then().body("totalItems", equalTo(0));

        Api.plan(later).then().statusCode(409).body("detail", equalTo(Lifecycle.missionNotOpen("CLOSED")));
        officerDesk().header("Accept-Language", "fr").body("{\"candidacyId\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"}"
                        .formatted(later, START, END)).post("/api/v1/deployments")
                .then().statusCode(409)
                .body("detail", equalTo("La mission est CLOSED : aucun policier ne peut y être prévu ni y arriver."));
        arrive(plannedOne).then().statusCode(409);
        // the officer in theatre still comes home
        repatriate(inTheatre, "END_OF_TOUR").then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void aSuspendedMissionTakesNoPlanNorArrivalUntilItIsActiveAgain() {
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 10, 10, 1);
        Lifecycle.missionCreated(missionId, "ACTIVE", null, null);
        String course = Api.recentCourse();
        String probe = Lifecycle.probe(request, ROLE);
        String waiting = planned(Api.deployableCandidacy(request, ROLE, course));
        String candidacy = Api.deployableCandidacy(request, ROLE, course);

        Lifecycle.missionStatusChanged(missionId, "ACTIVE", "SUSPENDED");
        Lifecycle.awaitMissionNotOpen(probe, "SUSPENDED");

        Api.plan(candidacy).then().statusCode(409).body("detail", equalTo(Lifecycle.missionNotOpen("SUSPENDED")));
        arrive(waiting).then().statusCode(409).body("detail", equalTo(Lifecycle.missionNotOpen("SUSPENDED")));
        get(waiting).then().body("status", equalTo("PLANNED")).body("cancellationReason", nullValue());
        officerDesk().queryParam("missionId", missionId).queryParam("status", "CANCELLED").get("/api/v1/deployments")
                .then().body("totalItems", equalTo(0));

        Lifecycle.missionStatusChanged(missionId, "SUSPENDED", "ACTIVE");
        Lifecycle.awaitMissionOpen(probe);
        Api.plan(candidacy).then().statusCode(201).body("status", equalTo("PLANNED"));
        arrive(waiting).then().statusCode(200).body("status", equalTo("IN_THEATRE"));
    }

    // ----- extension -----------------------------------------------------------------------------

    @Test
    void aTourIsExtendedWithinTheClearancesAndTheMandateOnly() {
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 10, 10, 1);
        LocalDate mandateEnd = TODAY.plusYears(2);
        Lifecycle.missionCreated(missionId, "ACTIVE", TODAY.minusYears(2), mandateEnd);
        String probe = Lifecycle.probe(request, ROLE);
        Lifecycle.awaitMissionEventsApplied(missionId, probe);
        String course = Api.recentCourse();

        LocalDate shortClearance = TODAY.plusMonths(14);
        String securityLimited = planned(candidacy(request, course, shortClearance, TODAY.plusYears(3)));
        String medicalLimited = planned(candidacy(request, course, TODAY.plusYears(3), shortClearance));
        String unlimited = planned(Api.deployableCandidacy(request, ROLE, course));

        extend(unlimited, END).then().statusCode(409)
                .body("detail", equalTo("The new end %s is not later than the current end %s.".formatted(END, END)));
        extend(unlimited, END.minusMonths(1)).then().statusCode(409);
        extend(securityLimited, TODAY.plusMonths(15)).then().statusCode(409).body("detail", equalTo(
                "The officer's security clearance (expiry: %s) does not last to the new end.".formatted(shortClearance)));
        extend(medicalLimited, TODAY.plusMonths(15)).then().statusCode(409).body("detail", equalTo(
                "The officer's medical clearance (expiry: %s) does not last to the new end.".formatted(shortClearance)));
        extend(unlimited, mandateEnd.plusDays(1)).then().statusCode(409).body("detail", equalTo(
                "The mission's mandate ends on %s, before the new end.".formatted(mandateEnd)));
        get(unlimited).then().body("endDate", equalTo(END.toString())).body("originalEndDate", nullValue());

        officerDesk().body(extensionJson(mandateEnd, "Elections postponed to March."))
                .post("/api/v1/deployments/" + unlimited + "/extension")
                .then().statusCode(200)
                .body("status", equalTo("PLANNED"))
                .body("endDate", equalTo(mandateEnd.toString()))
                .body("originalEndDate", equalTo(END.toString()))
                .body("extensionJustification", equalTo("Elections postponed to March."));
        KafkaEvents.ReceivedEvent extended = awaitEvent(EXTENDED, unlimited);
        assertTrue(extended.data().contains("\"previousEndDate\":\"" + END + "\""), extended.data());
        assertTrue(extended.data().contains("\"endDate\":\"" + mandateEnd + "\""), extended.data());
        assertTrue(extended.data().contains("\"missionId\":\"" + missionId + "\""), extended.data());
        assertFalse(extended.data().contains("Elections postponed"), "the justification stays here: " + extended.data());

        // mission-service extends the mandate: the tour may follow, and keeps its first planned end
        LocalDate longerMandate = mandateEnd.plusMonths(6);
        Lifecycle.mandateChanged(missionId, TODAY.minusYears(2), longerMandate);
        Lifecycle.awaitMissionEventsApplied(missionId, probe);
        extend(unlimited, longerMandate.plusDays(1)).then().statusCode(409).body("detail", equalTo(
                "The mission's mandate ends on %s, before the new end.".formatted(longerMandate)));
        extend(unlimited, longerMandate).then().statusCode(200)
                .body("endDate", equalTo(longerMandate.toString()))
                .body("originalEndDate", equalTo(END.toString()));
        awaitEvent(EXTENDED, unlimited, data -> data.contains("\"previousEndDate\":\"" + mandateEnd + "\""));

        // in theatre, within the clearance; then neither a completed nor a cancelled tour is extended
        arrive(securityLimited).then().statusCode(200);
        extend(securityLimited, shortClearance).then().statusCode(200)
                .body("status", equalTo("IN_THEATRE")).body("endDate", equalTo(shortClearance.toString()));
        repatriate(securityLimited, "END_OF_TOUR").then().statusCode(200);
        extend(securityLimited, shortClearance.plusDays(1)).then().statusCode(409)
                .body("detail", equalTo("Cannot extend a deployment that is COMPLETED."));
        cancel(medicalLimited, "OPERATIONAL").then().statusCode(200);
        extend(medicalLimited, END.plusDays(1)).then().statusCode(409)
                .body("detail", equalTo("Cannot extend a deployment that is CANCELLED."));

        officerDesk().body("{\"endDate\": \"%s\"}".formatted(END.plusDays(1)))
                .post("/api/v1/deployments/" + unlimited + "/extension")
                .then().statusCode(400).body("errors[0].field", equalTo("justification"));
    }

    // ----- rotation ------------------------------------------------------------------------------

    @Test
    void anOfficerIsReplacedOnceOnTheSameMissionUnderTheCeiling() {
        String missionId = newId();
        String request = Api.authorizedRequest(missionId, ROLE, 10, 3, 1);
        String course = Api.recentCourse();
        String outgoing = planned(Api.deployableCandidacy(request, ROLE, course));

        String incoming = Lifecycle.planReplacing(Api.deployableCandidacy(request, ROLE, course), outgoing)
                .then().statusCode(201)
                .body("replacesDeploymentId", equalTo(outgoing))
                .body("status", equalTo("PLANNED"))
                .extract().path("id");
        get(outgoing).then().statusCode(200).body("replacedByDeploymentId", equalTo(incoming));
        get(incoming).then().body("replacesDeploymentId", equalTo(outgoing)).body("replacedByDeploymentId", nullValue());
        officerDesk().queryParam("missionId", missionId).get("/api/v1/deployments").then().statusCode(200)
                .body("items.find { it.id == '%s' }.replacedByDeploymentId".formatted(outgoing), equalTo(incoming))
                .body("items.find { it.id == '%s' }.replacesDeploymentId".formatted(incoming), equalTo(outgoing));
        awaitEvent("ca.cpa.deployment.planned.v1", incoming, data -> data.contains(outgoing));

        String second = Api.deployableCandidacy(request, ROLE, course);
        Lifecycle.planReplacing(second, outgoing).then().statusCode(409)
                .body("detail", equalTo("Deployment %s already has a replacement.".formatted(outgoing)));

        String elsewhereRequest = Api.authorizedRequest(newId(), ROLE, 2, 2, 1);
        String elsewhere = planned(Api.deployableCandidacy(elsewhereRequest, ROLE, course));
        Lifecycle.planReplacing(second, elsewhere).then().statusCode(400)
                .body("errors[0].field", equalTo("replacesDeploymentId"));
        Lifecycle.planReplacing(second, newId()).then().statusCode(400)
                .body("errors[0].field", equalTo("replacesDeploymentId"));

        // the ceiling (3) applies to replacements as to any deployment
        planned(Api.deployableCandidacy(request, ROLE, course));
        Lifecycle.planReplacing(second, incoming).then().statusCode(409)
                .body("detail", equalTo(Lifecycle.ceilingReached(3)));

        // a cancelled replacement replaces no one: the outgoing officer may be replaced again
        cancel(incoming, "OPERATIONAL").then().statusCode(200);
        get(outgoing).then().body("replacedByDeploymentId", nullValue());
        String replacement = Lifecycle.planReplacing(second, outgoing).then().statusCode(201).extract().path("id");
        get(outgoing).then().body("replacedByDeploymentId", equalTo(replacement));
    }

    // ----- early returns -------------------------------------------------------------------------

    @Test
    void everyEarlyReturnRaisesAnUrgentWelfareAlertAndTheEndOfTourNone() {
        String request = Api.authorizedRequest(newId(), ROLE, 5, 5, 1);
        String course = Api.recentCourse();
        String endOfTour = planned(Api.deployableCandidacy(request, ROLE, course));
        arrive(endOfTour).then().statusCode(200);
        repatriate(endOfTour, "END_OF_TOUR").then().statusCode(200).body("returnReason", equalTo("END_OF_TOUR"));

        for (String reason : List.of("MEDICAL_EVACUATION", "COMPASSIONATE")) {
            String deployment = planned(Api.deployableCandidacy(request, ROLE, course));
            arrive(deployment).then().statusCode(200);
            repatriate(deployment, reason).then().statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("returnReason", equalTo(reason))
                    .body("returnDate", equalTo(TODAY.toString()));
            officerDesk().get("/api/v1/deployments/" + deployment + "/check-ins").then().statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].wellbeing", equalTo("URGENT"))
                    .body("items[0].recordedBy", equalTo("test-personnel-officer"));
            KafkaEvents.ReceivedEvent alert = awaitEvent(WELFARE_ALERT, deployment);
            assertTrue(alert.data().contains("\"wellbeing\":\"URGENT\""), alert.data());
        }

        officerDesk().get("/api/v1/deployments/" + endOfTour + "/check-ins").then().statusCode(200)
                .body("totalItems", equalTo(0)).body("items", empty());
        // the early returns' alerts came after it on the topic (the outbox publishes oldest first)
        assertEquals(0, count(WELFARE_ALERT, endOfTour), "an end of tour raises no welfare alert");
        officerDesk().body("{\"returnDate\": \"%s\", \"reason\": \"HOMESICK\"}".formatted(TODAY))
                .post("/api/v1/deployments/" + endOfTour + "/repatriation")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    // ----- release of a candidate ----------------------------------------------------------------

    @Test
    void aReleasedCandidateFreesThePositionsPlaceButADeployedOneIsNotReleased() {
        String request = Api.authorizedRequest(newId(), ROLE, 1, 5, 1);
        String course = Api.recentCourse();
        String first = Api.nominate(Api.eligibleOfficer(), request, ROLE);
        String secondOfficer = Api.eligibleOfficer();
        String second = Api.nominate(secondOfficer, request, ROLE);
        Api.select(first);
        select(second).then().statusCode(409);

        release(first, "  Family circumstances; withdrew before training.  ").then().statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("releaseReason", equalTo("Family circumstances; withdrew before training."))
                .body("releasedBy", equalTo("test-personnel-officer"))
                .body("releasedAt", notNullValue());
        officerDesk().get("/api/v1/candidacies/" + first).then().body("status", equalTo("RELEASED"));
        select(second).then().statusCode(200).body("status", equalTo("SELECTED"));
        select(first).then().statusCode(409);
        release(first, "Again.").then().statusCode(409)
                .body("detail", equalTo("Cannot release a candidacy that is RELEASED."));

        Api.train(course, secondOfficer);
        String deployment = planned(second);
        release(second, "Changed plans.").then().statusCode(409)
                .body("detail", equalTo("The candidate has a deployment; cancel it before releasing the candidate."));
        officerDesk().get("/api/v1/candidacies/" + second).then().body("status", equalTo("SELECTED"));
        cancel(deployment, "WITHDRAWN_BY_OFFICER").then().statusCode(200);
        release(second, "Changed plans.").then().statusCode(200).body("status", equalTo("RELEASED"));

        String declined = Api.nominate(Api.eligibleOfficer(), request, ROLE);
        officerDesk().body("{\"decision\": \"DECLINE\"}").post("/api/v1/candidacies/" + declined + "/selection")
                .then().statusCode(200).body("status", equalTo("NOT_SELECTED"));
        release(declined, "Not needed.").then().statusCode(409)
                .body("detail", equalTo("Cannot release a candidacy that is NOT_SELECTED."));
        officerDesk().header("Accept-Language", "fr").body("{\"reason\": \"Pas utile.\"}")
                .post("/api/v1/candidacies/" + declined + "/release").then().statusCode(409)
                .body("detail", equalTo("Impossible de faire « release » sur une candidature à l’état NOT_SELECTED."));

        String eligible = Api.nominate(Api.eligibleOfficer(), request, ROLE);
        release(eligible, " ").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        release(eligible, "Took another assignment.").then().statusCode(200).body("status", equalTo("RELEASED"));
        release(newId(), "Unknown.").then().statusCode(404);
    }

    // ----- lists ---------------------------------------------------------------------------------

    @Test
    void deploymentsAndCandidaciesAreListedByOfficerMissionAndStatus() {
        String missionOne = newId();
        String missionTwo = newId();
        String requestOne = Api.authorizedRequest(missionOne, ROLE, 5, 5, 1);
        String requestTwo = Api.authorizedRequest(missionTwo, ROLE, 5, 5, 1);
        String course = Api.recentCourse();

        String alice = Api.eligibleOfficer();
        String aliceFirst = Api.nominate(alice, requestOne, ROLE);
        Api.select(aliceFirst);
        Api.train(course, alice);
        String aliceCancelled = planned(aliceFirst);
        cancel(aliceCancelled, "OPERATIONAL").then().statusCode(200);
        String aliceSecond = Api.nominate(alice, requestTwo, ROLE);
        Api.select(aliceSecond);
        String alicePlanned = planned(aliceSecond);

        String bobCandidacy = Api.deployableCandidacy(requestOne, ROLE, course);
        String bob = officerDesk().get("/api/v1/candidacies/" + bobCandidacy).then().extract().path("officerId");
        String bobPlanned = planned(bobCandidacy);
        String carolCandidacy = Api.deployableCandidacy(requestOne, ROLE, course);
        String carolInTheatre = planned(carolCandidacy);
        arrive(carolInTheatre).then().statusCode(200);
        String dave = Api.eligibleOfficer();
        String daveCandidacy = Api.nominate(dave, requestTwo, ROLE);

        expectDeployments(Map.of("officerId", alice), aliceCancelled, alicePlanned);
        expectDeployments(Map.of("officerId", alice, "status", "CANCELLED"), aliceCancelled);
        expectDeployments(Map.of("officerId", alice, "missionId", missionTwo), alicePlanned);
        expectDeployments(Map.of("officerId", bob, "missionId", missionTwo));
        expectDeployments(Map.of("missionId", missionOne), aliceCancelled, bobPlanned, carolInTheatre);
        expectDeployments(Map.of("missionId", missionOne, "status", "PLANNED"), bobPlanned);
        expectDeployments(Map.of("missionId", missionOne, "status", "IN_THEATRE"), carolInTheatre);
        expectDeployments(Map.of("missionId", missionTwo, "status", "PLANNED"), alicePlanned);
        expectDeployments(Map.of("officerId", dave));
        officerDesk().queryParam("status", "GONE").get("/api/v1/deployments")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        officerDesk().queryParam("missionId", "nowhere").get("/api/v1/deployments")
                .then().statusCode(400).body("errors[0].field", equalTo("missionId"));

        expectCandidacies(Map.of("officerId", alice), aliceFirst, aliceSecond);
        expectCandidacies(Map.of("officerId", alice, "missionId", missionTwo), aliceSecond);
        expectCandidacies(Map.of("missionId", missionOne, "status", "SELECTED"), aliceFirst, bobCandidacy, carolCandidacy);
        expectCandidacies(Map.of("missionId", missionTwo, "status", "SELECTED"), aliceSecond);
        expectCandidacies(Map.of("officerId", dave, "missionId", missionTwo, "status", "ELIGIBLE"), daveCandidacy);
        expectCandidacies(Map.of("officerId", dave, "missionId", missionOne));
        expectCandidacies(Map.of("officerId", dave, "status", "SELECTED"));
        as(Roles.AUDITOR).queryParam("officerId", alice).get("/api/v1/candidacies").then().statusCode(200)
                .body("totalItems", equalTo(2));
        officerDesk().queryParam("status", "GONE").get("/api/v1/candidacies")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void anOfficersDeploymentsAreReadByPersonnelOfficersAndAuditorsAndEveryReadIsLogged() {
        String requestOne = Api.authorizedRequest(newId(), ROLE, 5, 5, 1);
        String requestTwo = Api.authorizedRequest(newId(), ROLE, 5, 5, 1);
        String course = Api.recentCourse();
        String officer = Api.eligibleOfficer();
        String firstCandidacy = Api.nominate(officer, requestOne, ROLE);
        Api.select(firstCandidacy);
        Api.train(course, officer);
        String cancelled = planned(firstCandidacy);
        cancel(cancelled, "MEDICAL").then().statusCode(200);
        String secondCandidacy = Api.nominate(officer, requestTwo, ROLE);
        Api.select(secondCandidacy);
        String current = planned(secondCandidacy);
        planned(Api.deployableCandidacy(requestOne, ROLE, course)); // another officer's

        int readsBefore = reads(officer);
        officerDesk().get("/api/v1/officers/" + officer + "/deployments").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", containsInAnyOrder(cancelled, current))
                .body("items.find { it.id == '%s' }.status".formatted(cancelled), equalTo("CANCELLED"))
                .body("items.find { it.id == '%s' }.status".formatted(current), equalTo("PLANNED"));
        as(Roles.AUDITOR).get("/api/v1/officers/" + officer + "/deployments").then().statusCode(200)
                .body("items.id", containsInAnyOrder(cancelled, current));
        assertEquals(readsBefore + 2, reads(officer), "each read of the deployments is logged");
        as(Roles.AUDITOR).queryParam("officerId", officer).get("/api/v1/officer-access-log").then()
                .body("items[0].action", equalTo("READ"))
                .body("items[0].actor", equalTo("test-auditor"))
                .body("items[1].action", equalTo("READ"))
                .body("items[1].actor", equalTo("test-personnel-officer"));

        for (String role : List.of(Roles.MISSION_PLANNER, Roles.GAC_APPROVER, Roles.PS_APPROVER, Roles.RCMP_APPROVER,
                Roles.REQUESTING_PARTNER)) {
            as(role).get("/api/v1/officers/" + officer + "/deployments").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/officers/" + officer + "/deployments").then().statusCode(401);
        assertEquals(readsBefore + 2, reads(officer), "a refused read reads nothing");
        officerDesk().get("/api/v1/officers/" + newId() + "/deployments").then().statusCode(404)
                .body("type", equalTo("urn:cpa:problem:not-found"));
        String newcomer = Api.eligibleOfficer();
        officerDesk().get("/api/v1/officers/" + newcomer + "/deployments").then().statusCode(200)
                .body("totalItems", equalTo(0)).body("items", hasSize(0));
    }

    // ----- If-Match and Idempotency-Key ------------------------------------------------------------

    @Test
    void aCancellationHonoursIfMatchAndIsReplayedOnceForItsKey() {
        String request = Api.authorizedRequest(newId(), ROLE, 5, 5, 1);
        String course = Api.recentCourse();
        String deployment = planned(Api.deployableCandidacy(request, ROLE, course));
        String stale = etag(deployment);
        extend(deployment, END.plusDays(7)).then().statusCode(200);
        String current = etag(deployment);
        assertNotEquals(stale, current);

        String body = "{\"reason\": \"MEDICAL\", \"note\": \"Failed the final medical.\"}";
        officerDesk().header("If-Match", stale).body(body).post("/api/v1/deployments/" + deployment + "/cancellation")
                .then().statusCode(412).body("type", equalTo("urn:cpa:problem:precondition-failed"));
        get(deployment).then().body("status", equalTo("PLANNED"));

        String key = "cancel-" + newId();
        ExtractableResponse<Response> first = officerDesk().header("If-Match", current).header("Idempotency-Key", key)
                .body(body).post("/api/v1/deployments/" + deployment + "/cancellation")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("status", equalTo("CANCELLED")).extract();
        String cancelledTag = first.header("ETag");
        assertNotEquals(current, cancelledTag);
        ExtractableResponse<Response> replay = officerDesk().header("If-Match", current).header("Idempotency-Key", key)
                .body(body).post("/api/v1/deployments/" + deployment + "/cancellation")
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.jsonPath().getMap(""), replay.jsonPath().getMap(""), "the replay answers the first body");
        assertEquals(cancelledTag, etag(deployment), "the replay changes nothing");
        officerDesk().header("Idempotency-Key", key).body("{\"reason\": \"OPERATIONAL\"}")
                .post("/api/v1/deployments/" + deployment + "/cancellation")
                .then().statusCode(422).body("type", equalTo("urn:cpa:problem:idempotency-key-reused"));
        get(deployment).then().body("cancellationReason", equalTo("MEDICAL"));

        // a later cancellation's event follows any the replay made on the topic
        String later = planned(Api.deployableCandidacy(request, ROLE, course));
        cancel(later, "OPERATIONAL").then().statusCode(200);
        awaitEvent(CANCELLED, later);
        assertEquals(1, count(CANCELLED, deployment), "one cancellation, one event");
    }

    @Test
    void anExtensionHonoursIfMatchAndIsReplayedOnceForItsKey() {
        String request = Api.authorizedRequest(newId(), ROLE, 5, 5, 1);
        String course = Api.recentCourse();
        String deployment = planned(Api.deployableCandidacy(request, ROLE, course));
        String stale = etag(deployment);
        arrive(deployment).then().statusCode(200);
        String current = etag(deployment);

        String body = extensionJson(END.plusMonths(1), "Continuity of mentoring.");
        officerDesk().header("If-Match", stale).body(body).post("/api/v1/deployments/" + deployment + "/extension")
                .then().statusCode(412);
        get(deployment).then().body("endDate", equalTo(END.toString()));

        String key = "extend-" + newId();
        ExtractableResponse<Response> first = officerDesk().header("If-Match", current).header("Idempotency-Key", key)
                .body(body).post("/api/v1/deployments/" + deployment + "/extension")
                .then().statusCode(200).body("endDate", equalTo(END.plusMonths(1).toString()))
                .body("originalEndDate", equalTo(END.toString())).extract();
        ExtractableResponse<Response> replay = officerDesk().header("If-Match", current).header("Idempotency-Key", key)
                .body(body).post("/api/v1/deployments/" + deployment + "/extension")
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.jsonPath().getMap(""), replay.jsonPath().getMap(""), "the replay answers the first body");
        assertEquals(first.header("ETag"), replay.header("ETag"));
        assertEquals(first.header("ETag"), etag(deployment), "the replay changes nothing");
        officerDesk().header("Idempotency-Key", key).body(extensionJson(END.plusMonths(2), "Continuity of mentoring."))
                .post("/api/v1/deployments/" + deployment + "/extension")
                .then().statusCode(422).body("type", equalTo("urn:cpa:problem:idempotency-key-reused"));
        get(deployment).then().body("endDate", equalTo(END.plusMonths(1).toString()))
                .body("originalEndDate", equalTo(END.toString()));

        String later = planned(Api.deployableCandidacy(request, ROLE, course));
        extend(later, END.plusDays(1)).then().statusCode(200);
        awaitEvent(EXTENDED, later);
        assertEquals(1, count(EXTENDED, deployment), "one extension, one event");
    }

    @Test
    void anArrivalHonoursIfMatchAndIsReplayedOnceForItsKey() {
        String request = Api.authorizedRequest(newId(), ROLE, 5, 5, 1);
        String course = Api.recentCourse();
        String deployment = planned(Api.deployableCandidacy(request, ROLE, course));
        String stale = etag(deployment);
        extend(deployment, END.plusDays(3)).then().statusCode(200);
        String current = etag(deployment);

        officerDesk().header("If-Match", stale).post("/api/v1/deployments/" + deployment + "/arrival")
                .then().statusCode(412);
        get(deployment).then().body("status", equalTo("PLANNED"));

        String key = "arrive-" + newId();
        ExtractableResponse<Response> first = officerDesk().header("If-Match", current).header("Idempotency-Key", key)
                .post("/api/v1/deployments/" + deployment + "/arrival")
                .then().statusCode(200).body("status", equalTo("IN_THEATRE")).extract();
        ExtractableResponse<Response> replay = officerDesk().header("If-Match", current).header("Idempotency-Key", key)
                .post("/api/v1/deployments/" + deployment + "/arrival")
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.jsonPath().getMap(""), replay.jsonPath().getMap(""), "the replay answers the first body");
        assertEquals(first.header("ETag"), etag(deployment), "the replay changes nothing");
        arrive(deployment).then().statusCode(409);

        String later = planned(Api.deployableCandidacy(request, ROLE, course));
        arrive(later).then().statusCode(200);
        awaitEvent(STARTED, later);
        assertEquals(1, count(STARTED, deployment), "one arrival, one event");
    }

    // ----- helpers -------------------------------------------------------------------------------

    /** A nominated, selected and trained candidacy of a new officer with these clearances. */
    private static String candidacy(String request, String course, LocalDate securityExpiry, LocalDate medicalExpiry) {
        String officer = Api.officer(List.of("fr"), 10, "SWORN_OFFICER", securityExpiry, medicalExpiry);
        String candidacy = Api.nominate(officer, request, ROLE);
        Api.select(candidacy);
        Api.train(course, officer);
        return candidacy;
    }

    private static Response select(String candidacy) {
        return officerDesk().body("{\"decision\": \"SELECT\"}").post("/api/v1/candidacies/" + candidacy + "/selection");
    }

    private static Response release(String candidacy, String reason) {
        return officerDesk().body("{\"reason\": \"%s\"}".formatted(reason))
                .post("/api/v1/candidacies/" + candidacy + "/release");
    }

    private static void expectDeployments(Map<String, String> filters, String... ids) {
        expect("/api/v1/deployments", filters, ids);
    }

    private static void expectCandidacies(Map<String, String> filters, String... ids) {
        expect("/api/v1/candidacies", filters, ids);
    }

    /** The list answers exactly these items, every one in the status asked for, if any. */
    private static void expect(String path, Map<String, String> filters, String... ids) {
        var call = officerDesk().queryParam("size", 100);
        filters.forEach(call::queryParam);
        var answer = call.get(path).then().statusCode(200)
                .body("totalItems", equalTo(ids.length))
                .body("items.id", ids.length == 0 ? empty() : containsInAnyOrder((Object[]) ids));
        if (filters.containsKey("status")) {
            answer.body("items.status", everyItem(equalTo(filters.get("status"))));
        }
    }

    private static int reads(String officer) {
        List<String> actions = as(Roles.AUDITOR).queryParam("officerId", officer).queryParam("size", 100)
                .get("/api/v1/officer-access-log").then().statusCode(200).extract().path("items.action");
        return (int) actions.stream().filter("READ"::equals).count();
    }
}
