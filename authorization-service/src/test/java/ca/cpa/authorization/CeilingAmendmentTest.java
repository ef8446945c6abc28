package ca.cpa.authorization;

import ca.cpa.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static ca.cpa.authorization.Api.amendment;
import static ca.cpa.authorization.Api.approveByAll;
import static ca.cpa.authorization.Api.as;
import static ca.cpa.authorization.Api.newId;
import static ca.cpa.authorization.Api.planner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CeilingAmendmentTest {

    @Test
    void proteusGoesFromSevenToTwelve() {
        String missionId = newId();
        Api.missionCreated(missionId, "PROTEUS");
        String toSeven = Api.openAmendment(missionId, 7, "Initial ceiling for Operation PROTEUS");
        approveByAll(toSeven);

        String toTwelve = Api.openAmendment(missionId, 12, "The USSC asked for five more advisers");
        planner().get("/api/v1/authorization-cases/" + toTwelve)
                .then().body("kind", equalTo("CEILING_AMENDMENT")).body("ceilingAtOpening", equalTo(7))
                .body("proposedCeiling", equalTo(12));
        approveByAll(toTwelve);

        as(Roles.GAC_APPROVER).queryParam("missionId", missionId).get("/api/v1/ministerial-authorizations")
                .then().statusCode(200)
                .body("items.ceiling", contains(12, 7))
                .body("items.inForce", contains(true, false))
                .body("items.caseId", contains(toTwelve, toSeven));
        as(Roles.AUDITOR).get("/api/v1/authorization-cases/" + toTwelve + "/history")
                .then().body("items[0].action", equalTo("OPENED"))
                .body("items[0].actor", equalTo("test-mission-planner"))
                .body("items[0].rationale", equalTo("The USSC asked for five more advisers"))
                .body("items[-1].action", equalTo("APPROVED"));
    }

    @Test
    void amendmentsNeedAKnownMissionAndOneAtATime() {
        planner().body(amendment(newId(), 5, "x")).post("/api/v1/authorization-cases")
                .then().statusCode(400).body("errors[0].field", equalTo("missionId"));
        String missionId = newId();
        Api.missionCreated(missionId, "MINUSCA");
        planner().body(amendment(missionId, 5, "x").replace("CEILING_AMENDMENT", "DEPLOYMENT"))
                .post("/api/v1/authorization-cases")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        Api.openAmendment(missionId, 5, "First");
        planner().body(amendment(missionId, 6, "Second")).post("/api/v1/authorization-cases")
                .then().statusCode(409);
        planner().body(amendment(missionId, -1, "Negative")).post("/api/v1/authorization-cases")
                .then().statusCode(400).body("errors[0].field", equalTo("proposedCeiling"));
        as(Roles.GAC_APPROVER).body(amendment(missionId, 6, "Approvers do not propose"))
                .post("/api/v1/authorization-cases").then().statusCode(403);
    }
}
