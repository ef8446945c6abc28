package ca.cpa.reporting;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls reporting-service as its users do, and publishes the three services' events as they would. */
final class Api {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);
    static final String CSV_HEADER = "missionCode,missionName,hostCountry,partnerOrganization,policeServiceCode,officerRef,"
            + "memberType,startDate,endDate";

    private Api() {
    }

    static RequestSpecification as(String role) {
        return Calls.as(role);
    }

    static RequestSpecification planner() {
        return as(Roles.MISSION_PLANNER);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A code no other test uses, e.g. for a mission or a police service: upper case, starting with a letter. */
    static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static JsonPath program() {
        return planner().get("/api/v1/reports/program").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath history(int from, int to) {
        return planner().queryParam("from", from).queryParam("to", to).get("/api/v1/reports/program/history")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The figures of one mission in the report now, or null when it is not listed. */
    static Map<String, Object> missionFigures(JsonPath report, String missionId) {
        return report.param("id", missionId).getMap("byMission.find { it.missionId == id }");
    }

    static RequestSpecification upload(String contentType, String body) {
        return given().auth().oauth2(ca.cpa.testing.Tokens.of(Roles.MISSION_PLANNER)).contentType(contentType)
                .accept("application/json").body(body);
    }

    static String csvRow(String missionCode, String country, String policeService, String officerRef, String start,
                         String end) {
        return String.join(",", missionCode, "Mission " + missionCode, country, "United Nations", policeService,
                officerRef, "SWORN_OFFICER", start, end);
    }

    static String pseudonym() {
        return UUID.randomUUID().toString();
    }

    // --- the events of the three services ---

    static void missionCreated(String missionId, String code, String country) {
        KafkaEvents.publish("cpa.mission.events", "ca.cpa.mission.created.v1", "/cpa/mission-service", missionId, """
                {"missionId": "%s", "code": "%s", "nameEn": "Mission %s", "nameFr": "Mission %s", "hostCountry": "%s",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations", "status": "ACTIVE",
                 "createdAt": "2026-11-27T10:00:00Z"}""".formatted(missionId, code, code, code, country));
    }

    static void missionStatusChanged(String missionId, String code, String status) {
        KafkaEvents.publish("cpa.mission.events", "ca.cpa.mission.status-changed.v1", "/cpa/mission-service", missionId, """
                {"missionId": "%s", "code": "%s", "previousStatus": "ACTIVE", "status": "%s",
                 "changedAt": "2026-11-28T10:00:00Z"}""".formatted(missionId, code, status));
    }

    static void ceilingGranted(String missionId, int ceiling, int authorizationNumber) {
        ceilingGranted(missionId, ceiling, authorizationNumber, newId());
    }

    /** A grant announced on {@code caseId}'s key: two grants of one case arrive in the order announced. */
    static void ceilingGranted(String missionId, int ceiling, int authorizationNumber, String caseId) {
        KafkaEvents.publish("cpa.authorization.events", "ca.cpa.authorization.granted.v1", "/cpa/authorization-service",
                caseId, """
                        {"caseId": "%s", "kind": "CEILING_AMENDMENT", "missionId": "%s", "newCeiling": %d,
                         "authorizationNumber": %d, "effectiveDate": "2026-11-27", "grantedAt": "2026-11-27T10:00:00Z"}"""
                        .formatted(caseId, missionId, ceiling, authorizationNumber));
    }

    static String plannedData(String deploymentId, String officerId, String missionId, String policeService,
                              String memberType) {
        return """
                {"deploymentId": "%s", "officerId": "%s", "missionId": "%s", "missionRequestId": "%s",
                 "role": "COMMUNITY_POLICING", "startDate": "2027-01-10", "endDate": "2027-10-10",
                 "policeServiceCode": "%s", "memberType": "%s"}"""
                .formatted(deploymentId, officerId, missionId, newId(), policeService, memberType);
    }

    static void planned(String deploymentId, String officerId, String missionId, String policeService, String memberType) {
        KafkaEvents.publish("cpa.personnel.events", "ca.cpa.deployment.planned.v1", "/cpa/personnel-service", deploymentId,
                plannedData(deploymentId, officerId, missionId, policeService, memberType));
    }

    static String startedData(String deploymentId, String officerId, String missionId, LocalDate arrival) {
        return """
                {"deploymentId": "%s", "officerId": "%s", "missionId": "%s", "role": "COMMUNITY_POLICING",
                 "arrivalDate": "%s", "endDate": "2027-10-10"}""".formatted(deploymentId, officerId, missionId, arrival);
    }

    static void started(String deploymentId, String officerId, String missionId, LocalDate arrival) {
        KafkaEvents.publish("cpa.personnel.events", "ca.cpa.deployment.started.v1", "/cpa/personnel-service", deploymentId,
                startedData(deploymentId, officerId, missionId, arrival));
    }

    static void ended(String deploymentId, String officerId, String missionId) {
        KafkaEvents.publish("cpa.personnel.events", "ca.cpa.deployment.ended.v1", "/cpa/personnel-service", deploymentId, """
                {"deploymentId": "%s", "officerId": "%s", "missionId": "%s", "role": "COMMUNITY_POLICING",
                 "returnDate": "2027-10-10", "reason": "END_OF_TOUR"}""".formatted(deploymentId, officerId, missionId));
    }

    static void cancelled(String deploymentId, String officerId, String missionId) {
        KafkaEvents.publish("cpa.personnel.events", "ca.cpa.deployment.cancelled.v1", "/cpa/personnel-service", deploymentId, """
                {"deploymentId": "%s", "officerId": "%s", "missionId": "%s", "role": "COMMUNITY_POLICING",
                 "reason": "MEDICAL", "cancelledAt": "2026-12-01T10:00:00Z"}""".formatted(deploymentId, officerId, missionId));
    }
}
