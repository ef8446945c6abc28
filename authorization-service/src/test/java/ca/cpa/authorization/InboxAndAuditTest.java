package ca.cpa.authorization;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static ca.cpa.authorization.Api.EVENTUALLY;
import static ca.cpa.authorization.Api.as;
import static ca.cpa.authorization.Api.caseOfRequest;
import static ca.cpa.authorization.Api.decide;
import static ca.cpa.authorization.Api.newId;
import static ca.cpa.authorization.Api.planner;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboxAndAuditTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theSameSubmissionAnnouncedTwiceOpensOneCase() {
        String missionId = newId();
        String requestId = newId();
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.publish(Api.MISSION_TOPIC, eventId, "ca.cpa.mission-request.submitted.v1", Api.MISSION_SOURCE,
                requestId, Api.submittedData(missionId, requestId, 4));
        caseOfRequest(missionId, requestId);
        KafkaEvents.publish(Api.MISSION_TOPIC, eventId, "ca.cpa.mission-request.submitted.v1", Api.MISSION_SOURCE,
                requestId, Api.submittedData(missionId, requestId, 4));
        Api.submitted(missionId, requestId, 4);
        // A later event on the same key shows the two repeats were consumed before it.
        Api.withdrawn(missionId, requestId);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().queryParam("missionId", missionId)
                .get("/api/v1/authorization-cases").then().body("items", hasSize(1))
                .body("items[0].status", equalTo("WITHDRAWN")));
    }

    @Test
    void aWithdrawnRequestWithdrawsItsPendingCase() {
        String missionId = newId();
        String requestId = newId();
        Api.submitted(missionId, requestId, 2);
        String caseId = (String) caseOfRequest(missionId, requestId).get("id");
        decide(caseId, "GAC", "APPROVE", null).then().statusCode(201);
        Api.withdrawn(missionId, requestId);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/authorization-cases/" + caseId)
                .then().body("status", equalTo("WITHDRAWN")));
        decide(caseId, "PS", "APPROVE", null).then().statusCode(409);
        as(Roles.AUDITOR).get("/api/v1/authorization-cases/" + caseId + "/history")
                .then().body("items.action", hasItem("WITHDRAWN"))
                .body("items.rationale", hasItem("The host government withdrew its consent."));
    }

    @Test
    void theAuditTrailCannotBeChangedOrDeletedEvenInTheDatabase() {
        String missionId = newId();
        String requestId = newId();
        Api.submitted(missionId, requestId, 1);
        String caseId = (String) caseOfRequest(missionId, requestId).get("id");

        Exception update = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("UPDATE case_history SET actor = 'someone else' WHERE case_id = ?1")
                        .setParameter(1, UUID.fromString(caseId)).executeUpdate()));
        assertTrue(rootMessage(update).contains("append-only"), rootMessage(update));
        Exception delete = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("DELETE FROM case_history WHERE case_id = ?1")
                        .setParameter(1, UUID.fromString(caseId)).executeUpdate()));
        assertTrue(rootMessage(delete).contains("append-only"), rootMessage(delete));
        as(Roles.AUDITOR).get("/api/v1/authorization-cases/" + caseId + "/history")
                .then().body("items", hasSize(1)).body("items[0].actor", equalTo("/cpa/mission-service"));
    }

    @Test
    void casesPendingTooLongAreReportedOverdue() {
        String missionId = newId();
        Api.missionCreated(missionId, "MONUSCO");
        String caseId = Api.openAmendment(missionId, 20, "More French-speaking officers");
        planner().queryParam("missionId", missionId).queryParam("overdue", "true").get("/api/v1/authorization-cases")
                .then().body("items", hasSize(0));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE authorization_case SET opened_at = now() - interval '6 days' WHERE id = ?1")
                .setParameter(1, UUID.fromString(caseId)).executeUpdate());

        planner().queryParam("overdue", "true").queryParam("size", 100).get("/api/v1/authorization-cases")
                .then().body("items.id", hasItem(caseId));
        planner().queryParam("overdue", "false").queryParam("size", 100).get("/api/v1/authorization-cases")
                .then().body("items.id", not(hasItem(caseId)));
        planner().get("/api/v1/authorization-cases/" + caseId).then().body("overdue", equalTo(true));
        planner().queryParam("overdue", "yes").get("/api/v1/authorization-cases")
                .then().statusCode(400).body("errors[0].field", equalTo("overdue"))
                .body("errors[0].message", containsString("true or false"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
