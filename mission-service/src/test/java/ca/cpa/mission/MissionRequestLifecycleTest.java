package ca.cpa.mission;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static ca.cpa.mission.Api.as;
import static ca.cpa.mission.Api.assess;
import static ca.cpa.mission.Api.fileRequest;
import static ca.cpa.mission.Api.partner;
import static ca.cpa.mission.Api.planner;
import static ca.cpa.mission.Api.requestJson;
import static ca.cpa.mission.Api.submit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MissionRequestLifecycleTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Test
    void aRequestGoesFromReceivedToAuthorizedToFulfilledThroughRealEvents() {
        String missionId = Api.createMission("MINUSTAH");
        String requestId = fileRequest(missionId);
        partner().get("/api/v1/mission-requests/" + requestId)
                .then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("requestingOrganization.name", equalTo(Api.PARTNER_ORG))
                .body("positions.role", contains("TRAINING_MENTORING_MONITORING", "STRATEGIC_ANALYSIS"));

        assess(requestId, "PROCEED");
        partner().get("/api/v1/mission-requests/" + requestId)
                .then().body("status", equalTo("ASSESSED")).body("assessment", nullValue());
        as(Roles.GAC_APPROVER).get("/api/v1/mission-requests/" + requestId)
                .then().body("assessment.recommendation", equalTo("PROCEED"));
        submit(requestId);

        KafkaEvents.ReceivedEvent submitted = KafkaEvents.await("cpa.mission.events",
                e -> requestId.equals(e.subject()) && "ca.cpa.mission-request.submitted.v1".equals(e.type()), EVENTUALLY);
        assertEquals("1.0", submitted.header("ce_specversion"));
        assertDoesNotThrow(() -> UUID.fromString(submitted.header("ce_id")));
        assertEquals("/cpa/mission-service", submitted.header("ce_source"));
        assertEquals(requestId, submitted.header("ce_subject"));
        assertDoesNotThrow(() -> OffsetDateTime.parse(submitted.header("ce_time")));
        assertEquals("application/json", submitted.header("content-type"));
        assertEquals(requestId, submitted.key());
        assertTrue(submitted.data().contains("\"missionId\":\"" + missionId + "\""), submitted.data());
        assertTrue(submitted.data().contains("\"totalPositions\":3"), submitted.data());
        assertTrue(submitted.data().contains("\"durationMonths\":12"), submitted.data());
        assertTrue(submitted.data().contains("\"languages\":[\"fr\"]"), submitted.data());

        Events.granted(missionId, requestId, 3, 1);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/mission-requests/" + requestId)
                .then().body("status", equalTo("AUTHORIZED")).body("authorizationCaseId", not(nullValue())));
        planner().get("/api/v1/missions/" + missionId).then().body("authorizedCeiling", equalTo(3));

        Events.deploymentStarted(missionId, requestId, "TRAINING_MENTORING_MONITORING");
        String analyst = Events.deploymentStarted(missionId, requestId, "STRATEGIC_ANALYSIS");
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/missions/" + missionId)
                .then().body("deployedStrength", equalTo(2)));
        planner().get("/api/v1/mission-requests/" + requestId)
                .then().body("status", equalTo("AUTHORIZED")).body("positions.inTheatre", contains(1, 1));

        Events.deploymentStarted(missionId, requestId, "TRAINING_MENTORING_MONITORING");
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/mission-requests/" + requestId)
                .then().body("status", equalTo("FULFILLED")).body("fulfilledAt", not(nullValue())));
        planner().get("/api/v1/missions/" + missionId).then().body("deployedStrength", equalTo(3));
        KafkaEvents.await("cpa.mission.events",
                e -> requestId.equals(e.subject()) && "ca.cpa.mission-request.fulfilled.v1".equals(e.type()), EVENTUALLY);

        Events.deploymentEnded(analyst, missionId, requestId, "STRATEGIC_ANALYSIS");
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/missions/" + missionId)
                .then().body("deployedStrength", equalTo(2)));
        planner().get("/api/v1/mission-requests/" + requestId).then().body("status", equalTo("FULFILLED"));
        planner().body("{\"reason\": \"Too late\"}").post("/api/v1/mission-requests/" + requestId + "/withdrawal")
                .then().statusCode(409);
    }

    @Test
    void officersReportedInTheatreBeforeTheAuthorizationArrivesStillFulfilTheRequest() {
        String missionId = Api.createMission("EARLY");
        String requestId = Api.submittedRequest(missionId);
        Events.deploymentStarted(missionId, requestId, "TRAINING_MENTORING_MONITORING");
        Events.deploymentStarted(missionId, requestId, "TRAINING_MENTORING_MONITORING");
        Events.deploymentStarted(missionId, requestId, "STRATEGIC_ANALYSIS");
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/missions/" + missionId)
                .then().body("deployedStrength", equalTo(3)));
        planner().get("/api/v1/mission-requests/" + requestId).then().body("status", equalTo("SUBMITTED"));

        Events.granted(missionId, requestId, 3, 1);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/mission-requests/" + requestId)
                .then().body("status", equalTo("FULFILLED")));
    }

    @Test
    void anOlderAuthorizationArrivingLateDoesNotOverrideTheCeilingInForce() {
        String missionId = Api.createMission("PROTEUS");
        Events.granted(missionId, null, 12, 2);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/missions/" + missionId)
                .then().body("authorizedCeiling", equalTo(12)));
        double applied = Calls.inboxCount("applied", Events.GRANTED);
        Events.granted(missionId, null, 7, 1);
        await().atMost(EVENTUALLY).until(() -> Calls.inboxCount("applied", Events.GRANTED) > applied);
        planner().get("/api/v1/missions/" + missionId).then().body("authorizedCeiling", equalTo(12));
    }

    @Test
    void illegalTransitionsAreConflicts() {
        String missionId = Api.createMission("CONFLICT");
        String requestId = fileRequest(missionId);
        planner().post("/api/v1/mission-requests/" + requestId + "/submission")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Cannot submit a request that is RECEIVED."));

        assess(requestId, "DO_NOT_PROCEED");
        planner().post("/api/v1/mission-requests/" + requestId + "/submission")
                .then().statusCode(409)
                .body("detail", equalTo("Only a request assessed with a PROCEED recommendation can be submitted."));
        planner().header("Accept-Language", "fr").post("/api/v1/mission-requests/" + requestId + "/submission")
                .then().statusCode(409).header("Content-Language", "fr").body("title", equalTo("Conflit"));

        partner().body("{\"reason\": \"Host consent withdrawn\"}")
                .post("/api/v1/mission-requests/" + requestId + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.reason", equalTo("Host consent withdrawn"));
        planner().body("{\"reason\": \"again\"}").post("/api/v1/mission-requests/" + requestId + "/withdrawal")
                .then().statusCode(409);
        planner().body("{\"riskLevel\": \"LOW\", \"recommendation\": \"PROCEED\"}")
                .post("/api/v1/mission-requests/" + requestId + "/assessment").then().statusCode(409);
        KafkaEvents.ReceivedEvent withdrawn = KafkaEvents.await("cpa.mission.events",
                e -> requestId.equals(e.subject()) && "ca.cpa.mission-request.withdrawn.v1".equals(e.type()), EVENTUALLY);
        assertTrue(withdrawn.data().contains("\"previousStatus\":\"ASSESSED\""), withdrawn.data());
    }

    @Test
    void aDenialDeclinesTheRequest() {
        String missionId = Api.createMission("DENIED");
        String requestId = Api.submittedRequest(missionId);
        Events.denied(missionId, requestId);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/mission-requests/" + requestId)
                .then().body("status", equalTo("DECLINED")));
        planner().body("{\"reason\": \"x\"}").post("/api/v1/mission-requests/" + requestId + "/withdrawal")
                .then().statusCode(409);
        planner().get("/api/v1/missions/" + missionId).then().body("authorizedCeiling", equalTo(0));
    }

    @Test
    void partnersSeeAndActOnlyOnTheirOwnOrganizationsRequests() {
        String missionId = Api.createMission("OWNERS");
        String ours = fileRequest(missionId);
        String theirs = partner("OSCE").body(requestJson(missionId)).post("/api/v1/mission-requests")
                .then().statusCode(201).body("requestingOrganization.name", equalTo("OSCE")).extract().path("id");

        partner().get("/api/v1/mission-requests/" + theirs).then().statusCode(404);
        partner().body("{\"reason\": \"not ours\"}").post("/api/v1/mission-requests/" + theirs + "/withdrawal")
                .then().statusCode(404);
        partner().queryParam("missionId", missionId).get("/api/v1/mission-requests")
                .then().statusCode(200).body("items.id", contains(ours)).body("totalItems", equalTo(1));
        planner().queryParam("missionId", missionId).get("/api/v1/mission-requests")
                .then().body("totalItems", equalTo(2));

        partner().body(requestJson(missionId).replace("\"type\": \"UNITED_NATIONS\"",
                        "\"type\": \"UNITED_NATIONS\", \"name\": \"OSCE\""))
                .post("/api/v1/mission-requests").then().statusCode(403);
        as(Roles.REQUESTING_PARTNER).body(requestJson(missionId)).post("/api/v1/mission-requests")
                .then().statusCode(403).body("detail", containsString("org claim"));
        planner().body(requestJson(missionId)).post("/api/v1/mission-requests").then().statusCode(403);
        partner().body("{\"riskLevel\": \"LOW\", \"recommendation\": \"PROCEED\"}")
                .post("/api/v1/mission-requests/" + ours + "/assessment").then().statusCode(403);
        given().auth().oauth2(Tokens.partner(Api.PARTNER_ORG)).get("/api/v1/missions/" + missionId)
                .then().statusCode(403);
    }

    @Test
    void invalidRequestsAreFieldErrorsAndChangeNothing() {
        String missionId = Api.createMission("INVALID");
        String invalid = requestJson(missionId).replace("\"count\": 2", "\"count\": 0")
                .replace("[\"fr\", \"en\"]", "[\"xx\"]");
        partner().header("Accept-Language", "fr").body(invalid).post("/api/v1/mission-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("positions[0].count", "positions[1].languages[0]"))
                .body("errors[0].message", equalTo("doit être supérieur ou égal à 1"))
                .body("errors[1].message", equalTo("doit être un code de langue ISO 639-1, comme en ou fr"));
        partner().body(requestJson(missionId).replace("STRATEGIC_ANALYSIS", "TRAINING_MENTORING_MONITORING"))
                .post("/api/v1/mission-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("positions"));
        partner().body(requestJson(UUID.randomUUID().toString())).post("/api/v1/mission-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("missionId"))
                .body("errors[0].message", equalTo("names no existing mission"));
        partner().body(requestJson(missionId).replace("\"UNITED_NATIONS\"", "\"COUNTRY\""))
                .post("/api/v1/mission-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("requestingOrganization.country"));
        planner().queryParam("missionId", missionId).get("/api/v1/mission-requests")
                .then().body("totalItems", equalTo(0));
        planner().queryParam("missionId", "nope").get("/api/v1/mission-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("missionId"));
    }

    @Test
    void anIdempotencyKeyReplayCreatesOneRequest() {
        String missionId = Api.createMission("IDEMREQ");
        String key = UUID.randomUUID().toString();
        String first = partner().header("Idempotency-Key", key).body(requestJson(missionId))
                .post("/api/v1/mission-requests").then().statusCode(201).extract().path("id");
        String replayLocation = partner().header("Idempotency-Key", key).body(requestJson(missionId))
                .post("/api/v1/mission-requests")
                .then().statusCode(201).contentType(ContentType.JSON).body("id", equalTo(first))
                .extract().header("Location");
        assertTrue(replayLocation.endsWith(first));
        partner().header("Idempotency-Key", key).body(requestJson(missionId).replace("\"durationMonths\": 12", "\"durationMonths\": 6"))
                .post("/api/v1/mission-requests").then().statusCode(422);
        planner().queryParam("missionId", missionId).get("/api/v1/mission-requests")
                .then().body("items", hasSize(1));
    }
}
