package ca.cpa.authorization;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static ca.cpa.authorization.Api.EVENTUALLY;
import static ca.cpa.authorization.Api.as;
import static ca.cpa.authorization.Api.caseOfRequest;
import static ca.cpa.authorization.Api.decide;
import static ca.cpa.authorization.Api.newId;
import static ca.cpa.authorization.Api.planner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DeploymentCaseTest {

    @Test
    void aSubmittedRequestOpensACaseThatThreeApprovalsGrant() {
        String missionId = newId();
        String requestId = newId();
        Api.submitted(missionId, requestId, 3);
        Map<String, Object> opened = caseOfRequest(missionId, requestId);
        String caseId = (String) opened.get("id");
        assertEquals("DEPLOYMENT", opened.get("kind"));
        assertEquals(3, opened.get("proposedCeiling"));
        assertEquals("PENDING", opened.get("status"));
        KafkaEvents.await(Api.AUTHORIZATION_TOPIC,
                e -> caseId.equals(e.subject()) && "ca.cpa.authorization.case-opened.v1".equals(e.type()), EVENTUALLY);

        decide(caseId, "GAC", "APPROVE", null).then().statusCode(201).body("status", equalTo("PENDING"));
        decide(caseId, "PS", "APPROVE", "Aligned with public safety priorities").then().statusCode(201);
        decide(caseId, "RCMP", "APPROVE", "Officers available").then().statusCode(201)
                .header("Location", endsWith("/api/v1/authorization-cases/" + caseId))
                .body("status", equalTo("APPROVED"))
                .body("grantedCeiling", equalTo(3))
                .body("decisions.partner", contains("GAC", "PS", "RCMP"));

        KafkaEvents.ReceivedEvent granted = KafkaEvents.await(Api.AUTHORIZATION_TOPIC,
                e -> caseId.equals(e.subject()) && "ca.cpa.authorization.granted.v1".equals(e.type()), EVENTUALLY);
        assertEquals("/cpa/authorization-service", granted.header("ce_source"));
        assertEquals(caseId, granted.key());
        assertTrue(granted.data().contains("\"missionRequestId\":\"" + requestId + "\""), granted.data());
        assertTrue(granted.data().contains("\"newCeiling\":3"), granted.data());
        assertTrue(granted.data().contains("\"authorizationNumber\":1"), granted.data());

        as(Roles.PERSONNEL_OFFICER).queryParam("missionId", missionId).get("/api/v1/ministerial-authorizations")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].ceiling", equalTo(3)).body("items[0].inForce", equalTo(true));
        as(Roles.AUDITOR).get("/api/v1/authorization-cases/" + caseId + "/history")
                .then().statusCode(200)
                .body("items.action", contains("OPENED", "DECISION_RECORDED", "DECISION_RECORDED", "DECISION_RECORDED", "APPROVED"))
                .body("items[0].actor", equalTo("/cpa/mission-service"))
                .body("items[1].actor", equalTo("test-gac-approver"))
                .body("items[1].actorRole", equalTo("gac-approver"))
                .body("items[2].rationale", equalTo("Aligned with public safety priorities"));

        String nextRequest = newId();
        Api.submitted(missionId, nextRequest, 2);
        assertEquals(5, caseOfRequest(missionId, nextRequest).get("proposedCeiling"));
    }

    @Test
    void oneRejectionDeniesTheCase() {
        String missionId = newId();
        String requestId = newId();
        Api.submitted(missionId, requestId, 2);
        String caseId = (String) caseOfRequest(missionId, requestId).get("id");
        decide(caseId, "PS", "APPROVE", null).then().statusCode(201);
        decide(caseId, "GAC", "REJECT", "Not consistent with foreign policy priorities").then().statusCode(201)
                .body("status", equalTo("REJECTED"));
        KafkaEvents.ReceivedEvent denied = KafkaEvents.await(Api.AUTHORIZATION_TOPIC,
                e -> caseId.equals(e.subject()) && "ca.cpa.authorization.denied.v1".equals(e.type()), EVENTUALLY);
        assertTrue(denied.data().contains("\"rejectedBy\":\"GAC\""), denied.data());
        decide(caseId, "RCMP", "APPROVE", null).then().statusCode(409)
                .body("detail", equalTo("The case is REJECTED: it takes no more decisions."));
        as(Roles.AUDITOR).queryParam("missionId", missionId).get("/api/v1/ministerial-authorizations")
                .then().body("items", hasSize(0));
    }

    @Test
    void eachPartnerDecidesOnceAndOnlyForItself() {
        String missionId = newId();
        String requestId = newId();
        Api.submitted(missionId, requestId, 1);
        String caseId = (String) caseOfRequest(missionId, requestId).get("id");

        as(Roles.GAC_APPROVER).body("{\"partner\": \"PS\", \"decision\": \"APPROVE\"}")
                .post("/api/v1/authorization-cases/" + caseId + "/decisions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("You may record the decision of your own partner only, not PS."));
        planner().body("{\"partner\": \"GAC\", \"decision\": \"APPROVE\"}")
                .post("/api/v1/authorization-cases/" + caseId + "/decisions").then().statusCode(403);
        decide(caseId, "RCMP", "REJECT", null).then().statusCode(400)
                .body("errors[0].field", equalTo("rationale")).body("errors[0].message", equalTo("is required to reject"));
        Api.approver("RCMP").header("Accept-Language", "fr").body("{\"partner\": \"RCMP\", \"decision\": \"REJECT\"}")
                .post("/api/v1/authorization-cases/" + caseId + "/decisions")
                .then().statusCode(400).body("errors[0].message", equalTo("est obligatoire pour rejeter"));
        Api.approver("GAC").body("{\"partner\": \"UN\", \"decision\": \"APPROVE\"}")
                .post("/api/v1/authorization-cases/" + caseId + "/decisions")
                .then().statusCode(400).body("errors[0].field", equalTo("partner"));

        String key = newId();
        for (int attempt = 0; attempt < 2; attempt++) {
            Api.approver("GAC").header("Idempotency-Key", key).body("{\"partner\": \"GAC\", \"decision\": \"APPROVE\"}")
                    .post("/api/v1/authorization-cases/" + caseId + "/decisions")
                    .then().statusCode(201).body("decisions", hasSize(1));
        }
        decide(caseId, "GAC", "REJECT", "Changed our mind").then().statusCode(409)
                .body("detail", equalTo("GAC has already recorded its decision on this case."));
        planner().get("/api/v1/authorization-cases/" + caseId)
                .then().body("status", equalTo("PENDING")).body("decisions", hasSize(1));

        decide(newId(), "GAC", "APPROVE", null).then().statusCode(404);
        as(Roles.REQUESTING_PARTNER).get("/api/v1/authorization-cases").then().statusCode(403);
        as(Roles.PERSONNEL_OFFICER).get("/api/v1/authorization-cases/" + caseId).then().statusCode(403);
        given().get("/api/v1/authorization-cases").then().statusCode(401);
        planner().queryParam("status", "OPEN").get("/api/v1/authorization-cases")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
