package ca.cpa.mission;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls mission-service over HTTP as its users do, with a bearer token for a role. */
final class Api {

    static final String PARTNER_ORG = "UN-DPO";

    private Api() {
    }

    static RequestSpecification as(String role) {
        return Calls.as(role);
    }

    static RequestSpecification planner() {
        return as(Roles.MISSION_PLANNER);
    }

    static RequestSpecification partner(String organization) {
        return given().auth().oauth2(Tokens.partner(organization)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static RequestSpecification partner() {
        return partner(PARTNER_ORG);
    }

    /** A unique mission code, so that tests never collide. */
    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String missionJson(String code, String hostCountry) {
        return """
                {"code": "%s", "nameEn": "Operation %s", "nameFr": "Opération %s", "hostCountry": "%s",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}""".formatted(code, code, code, hostCountry);
    }

    static String createMission(String prefix) {
        return planner().body(missionJson(uniqueCode(prefix), "HT"))
                .post("/api/v1/missions").then().statusCode(201).extract().path("id");
    }

    /** Two positions: 2 French-speaking mentors and 1 civilian analyst. */
    static String requestJson(String missionId) {
        return """
                {"missionId": "%s",
                 "requestingOrganization": {"type": "UNITED_NATIONS"},
                 "positions": [
                   {"role": "TRAINING_MENTORING_MONITORING", "count": 2, "languages": ["fr"], "minYearsOfService": 5, "memberType": "SWORN_OFFICER"},
                   {"role": "STRATEGIC_ANALYSIS", "count": 1, "languages": ["fr", "en"], "minYearsOfService": 0, "memberType": "CIVILIAN_MEMBER"}
                 ],
                 "durationMonths": 12,
                 "justification": "Mentoring of the Haitian National Police."}""".formatted(missionId);
    }

    static String fileRequest(String missionId) {
        return partner().body(requestJson(missionId))
                .post("/api/v1/mission-requests").then().statusCode(201).extract().path("id");
    }

    static void assess(String requestId, String recommendation) {
        planner().body("""
                        {"riskLevel": "MODERATE", "recommendation": "%s", "notes": "French speakers essential."}""".formatted(recommendation))
                .post("/api/v1/mission-requests/" + requestId + "/assessment").then().statusCode(200);
    }

    static void submit(String requestId) {
        planner().post("/api/v1/mission-requests/" + requestId + "/submission").then().statusCode(200);
    }

    /** A request filed, assessed PROCEED and submitted: waiting for the CPA partners. */
    static String submittedRequest(String missionId) {
        String requestId = fileRequest(missionId);
        assess(requestId, "PROCEED");
        submit(requestId);
        return requestId;
    }
}
