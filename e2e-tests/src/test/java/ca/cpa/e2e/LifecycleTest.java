package ca.cpa.e2e;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static ca.cpa.e2e.Api.approver;
import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.created;
import static ca.cpa.e2e.Api.eventually;
import static ca.cpa.e2e.Api.partner;
import static ca.cpa.e2e.Api.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * A mission's deployments after planning, only through the gateway: a full ceiling freed by a
 * cancellation and a released candidate, a tour extended within the mandate and refused beyond
 * it, a medical evacuation raising a welfare alert, a rotation linked both ways, and the mission
 * closed, which cancels what was still planned.
 */
@ExtendWith(RunningSuite.class)
class LifecycleTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String ROLE = "COMMUNITY_POLICING";
    private static final String UN = "UN-DPO";

    @Test
    void aMissionsDeploymentsAreCancelledExtendedRotatedAndClosedWithIt() {
        LocalDate mandateEnd = TODAY.plusMonths(20);
        String mission = created(as("mission-planner").body("""
                        {"code": "%s", "nameEn": "UN Integrated Office in Haiti", "nameFr": "Bureau intégré en Haïti",
                         "hostCountry": "HT", "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations",
                         "mandateStart": "%s", "mandateEnd": "%s", "cpaSince": "%s"}"""
                .formatted(unique("BINUH"), TODAY.minusYears(2), mandateEnd, TODAY.minusYears(1)))
                .post("/api/v1/missions").then().body("mandateEnd", equalTo(mandateEnd.toString())));
        patchMission(mission, "{\"status\": \"ACTIVE\"}");
        String request = authorizedRequest(mission, 4);

        String service = unique("SPVM");
        as("personnel-officer").body("""
                {"code": "%s", "nameEn": "Montreal police", "nameFr": "Police de Montréal", "province": "QC"}"""
                .formatted(service)).post("/api/v1/police-services").then().statusCode(201);
        String course = created(as("personnel-officer").body("""
                        {"title": "Pre-deployment course", "kind": "PRE_DEPLOYMENT", "startDate": "%s",
                         "endDate": "%s", "capacity": 10}""".formatted(TODAY.minusDays(20), TODAY.minusDays(10)))
                .post("/api/v1/training-courses").then());
        List<String> officers = new ArrayList<>();
        List<String> candidacies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            officers.add(trainedOfficer(service, course));
        }
        // personnel-service learns of the authorization from the event; a throwaway nominee tells when
        eventually(() -> as("personnel-officer").body(candidacy(officer(service), request)).post("/api/v1/candidacies")
                .then().statusCode(201).body("status", equalTo("ELIGIBLE")));
        for (int i = 0; i < 5; i++) {
            candidacies.add(created(as("personnel-officer").body(candidacy(officers.get(i), request))
                    .post("/api/v1/candidacies").then()));
        }
        List<String> deployments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            select(candidacies.get(i)).statusCode(200);
            deployments.add(created(as("personnel-officer").body(deployment(candidacies.get(i), null))
                    .post("/api/v1/deployments").then()));
        }
        select(candidacies.get(4)).statusCode(409);

        // a withdrawal frees the deployment's place and, once released, the candidate's
        as("personnel-officer").body("{\"reason\": \"WITHDRAWN_BY_OFFICER\", \"note\": \"Family circumstances.\"}")
                .post("/api/v1/deployments/" + deployments.get(3) + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("WITHDRAWN_BY_OFFICER"));
        as("personnel-officer").body("{\"reason\": \"Withdrew before departure.\"}")
                .post("/api/v1/candidacies/" + candidacies.get(3) + "/release").then().statusCode(200)
                .body("status", equalTo("RELEASED"));
        select(candidacies.get(4)).statusCode(200);
        // the newcomer rotates in for the first officer, whose tour ends early
        String rotation = created(as("personnel-officer").body(deployment(candidacies.get(4), deployments.get(0)))
                .post("/api/v1/deployments").then().body("replacesDeploymentId", equalTo(deployments.get(0))));
        as("auditor").get("/api/v1/deployments/" + deployments.get(0)).then()
                .body("replacedByDeploymentId", equalTo(rotation));

        String first = deployments.get(0);
        as("personnel-officer").body(extension(mandateEnd.plusDays(1)))
                .post("/api/v1/deployments/" + first + "/extension").then().statusCode(409);
        as("personnel-officer").body(extension(mandateEnd))
                .post("/api/v1/deployments/" + first + "/extension").then().statusCode(200)
                .body("endDate", equalTo(mandateEnd.toString()));
        as("personnel-officer").post("/api/v1/deployments/" + first + "/arrival").then().statusCode(200)
                .body("status", equalTo("IN_THEATRE"));
        eventually(() -> as("auditor").get("/api/v1/missions/" + mission).then().body("deployedStrength", equalTo(1)));
        as("personnel-officer").body("{\"returnDate\": \"%s\", \"reason\": \"MEDICAL_EVACUATION\"}".formatted(TODAY))
                .post("/api/v1/deployments/" + first + "/repatriation").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        as("personnel-officer").get("/api/v1/deployments/" + first + "/check-ins").then().statusCode(200)
                .body("items.wellbeing", hasItem("URGENT"));
        eventually(() -> as("auditor").get("/api/v1/missions/" + mission).then().body("deployedStrength", equalTo(0)));

        // closing the mission cancels what is still planned
        patchMission(mission, "{\"status\": \"CLOSED\"}");
        eventually(() -> as("auditor").queryParam("missionId", mission).queryParam("status", "PLANNED")
                .get("/api/v1/deployments").then().body("totalItems", equalTo(0)));
        as("auditor").queryParam("missionId", mission).queryParam("status", "CANCELLED").get("/api/v1/deployments")
                .then().body("items.id", containsInAnyOrder(deployments.get(1), deployments.get(2), deployments.get(3),
                        rotation))
                .body("items.findAll { it.cancellationReason == 'MISSION_CLOSED' }", hasSize(3));
        as("auditor").get("/api/v1/officers/" + officers.get(0) + "/deployments").then().statusCode(200)
                .body("items.id", containsInAnyOrder(first)).body("items[0].returnReason", equalTo("MEDICAL_EVACUATION"));
    }

    private static String authorizedRequest(String mission, int officers) {
        String request = created(partner(UN).body("""
                        {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                         "positions": [{"role": "%s", "count": %d, "languages": ["fr"], "minYearsOfService": 5,
                                        "memberType": "SWORN_OFFICER"}],
                         "durationMonths": 12, "justification": "Community policing advisers in Port-au-Prince."}"""
                .formatted(mission, ROLE, officers)).post("/api/v1/mission-requests").then());
        as("mission-planner").body("{\"riskLevel\": \"HIGH\", \"recommendation\": \"PROCEED\"}")
                .post("/api/v1/mission-requests/" + request + "/assessment").then().statusCode(200);
        as("mission-planner").post("/api/v1/mission-requests/" + request + "/submission").then().statusCode(200);
        String[] caseId = new String[1];
        eventually(() -> caseId[0] = approver("GAC").queryParam("missionId", mission).get("/api/v1/authorization-cases")
                .then().body("items", hasSize(1)).extract().path("items[0].id"));
        for (String partner : List.of("GAC", "PS", "RCMP")) {
            approver(partner).body("{\"partner\": \"%s\", \"decision\": \"APPROVE\"}".formatted(partner))
                    .post("/api/v1/authorization-cases/" + caseId[0] + "/decisions").then().statusCode(201);
        }
        eventually(() -> as("auditor").get("/api/v1/mission-requests/" + request).then()
                .body("status", equalTo("AUTHORIZED")));
        return request;
    }

    private static void patchMission(String mission, String changes) {
        as("mission-planner").contentType("application/merge-patch+json").body(changes)
                .patch("/api/v1/missions/" + mission).then().statusCode(200);
    }

    private static String officer(String service) {
        return created(as("personnel-officer").body("""
                        {"policeServiceCode": "%s", "serviceNumber": "%s", "givenName": "Alex", "familyName": "Gagnon",
                         "memberType": "SWORN_OFFICER", "rank": "Sergeant", "yearsOfService": 10, "languages": ["fr"],
                         "specialties": ["%s"], "securityClearance": {"level": "SECRET", "expiry": "%s"},
                         "medicalClearanceExpiry": "%s"}"""
                .formatted(service, unique("SN"), ROLE, TODAY.plusYears(3), TODAY.plusYears(3)))
                .post("/api/v1/officers").then());
    }

    private static String trainedOfficer(String service, String course) {
        String officer = officer(service);
        String enrolment = created(as("personnel-officer").body("{\"officerId\": \"%s\"}".formatted(officer))
                .post("/api/v1/training-courses/" + course + "/enrolments").then());
        as("personnel-officer").body("{\"outcome\": \"PASSED\"}").post("/api/v1/enrolments/" + enrolment + "/result")
                .then().statusCode(200);
        return officer;
    }

    private static String candidacy(String officer, String request) {
        return "{\"officerId\": \"%s\", \"missionRequestId\": \"%s\", \"role\": \"%s\"}".formatted(officer, request, ROLE);
    }

    private static ValidatableResponse select(String candidacy) {
        return as("personnel-officer").body("{\"decision\": \"SELECT\"}")
                .post("/api/v1/candidacies/" + candidacy + "/selection").then();
    }

    private static String deployment(String candidacy, String replaces) {
        return "{\"candidacyId\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"%s}".formatted(candidacy,
                TODAY.plusWeeks(2), TODAY.plusWeeks(2).plusMonths(12),
                replaces == null ? "" : ", \"replacesDeploymentId\": \"" + replaces + "\"");
    }

    private static String extension(LocalDate endDate) {
        return "{\"endDate\": \"%s\", \"justification\": \"Elections postponed; continuity of advice.\"}"
                .formatted(endDate);
    }
}
