package ca.cpa.authorization;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Calls authorization-service as its users do, and publishes mission-service's events as it would. */
final class Api {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);
    static final String MISSION_TOPIC = "cpa.mission.events";
    static final String AUTHORIZATION_TOPIC = "cpa.authorization.events";
    static final String MISSION_SOURCE = "/cpa/mission-service";

    private Api() {
    }

    static RequestSpecification as(String role) {
        return Calls.as(role);
    }

    static RequestSpecification planner() {
        return as(Roles.MISSION_PLANNER);
    }

    /** The approver of each partner. */
    static RequestSpecification approver(String partner) {
        return as(switch (partner) {
            case "GAC" -> Roles.GAC_APPROVER;
            case "PS" -> Roles.PS_APPROVER;
            case "RCMP" -> Roles.RCMP_APPROVER;
            default -> throw new IllegalArgumentException(partner);
        });
    }

    static Response decide(String caseId, String partner, String decision, String rationale) {
        String body = rationale == null
                ? "{\"partner\": \"%s\", \"decision\": \"%s\"}".formatted(partner, decision)
                : "{\"partner\": \"%s\", \"decision\": \"%s\", \"rationale\": \"%s\"}".formatted(partner, decision, rationale);
        return approver(partner).body(body).post("/api/v1/authorization-cases/" + caseId + "/decisions");
    }

    static void approveByAll(String caseId) {
        for (String partner : List.of("GAC", "PS", "RCMP")) {
            decide(caseId, partner, "APPROVE", "Meets Canada's commitments").then().statusCode(201);
        }
    }

    /** mission-service announces a submitted request; answers the event id. */
    static String submitted(String missionId, String requestId, int positions) {
        return KafkaEvents.publish(MISSION_TOPIC, "ca.cpa.mission-request.submitted.v1", MISSION_SOURCE, requestId,
                submittedData(missionId, requestId, positions));
    }

    static String submittedData(String missionId, String requestId, int positions) {
        return """
                {"missionRequestId": "%s", "missionId": "%s", "missionCode": "HAITI",
                 "requestingOrganization": {"type": "UNITED_NATIONS", "name": "UN-DPO", "country": null},
                 "positions": [{"role": "COMMUNITY_POLICING", "count": %d, "languages": ["fr"], "minYearsOfService": 3,
                                "memberType": "SWORN_OFFICER"}],
                 "totalPositions": %d, "durationMonths": 12, "submittedAt": "2026-11-27T10:00:00Z"}"""
                .formatted(requestId, missionId, positions, positions);
    }

    static void withdrawn(String missionId, String requestId) {
        KafkaEvents.publish(MISSION_TOPIC, "ca.cpa.mission-request.withdrawn.v1", MISSION_SOURCE, requestId, """
                {"missionRequestId": "%s", "missionId": "%s", "previousStatus": "SUBMITTED",
                 "reason": "The host government withdrew its consent.", "withdrawnAt": "2026-11-27T11:00:00Z"}"""
                .formatted(requestId, missionId));
    }

    static void missionCreated(String missionId, String code) {
        KafkaEvents.publish(MISSION_TOPIC, "ca.cpa.mission.created.v1", MISSION_SOURCE, missionId, """
                {"missionId": "%s", "code": "%s", "nameEn": "Operation %s", "nameFr": "Opération %s", "hostCountry": "PS",
                 "type": "BILATERAL", "partnerOrganization": "USSC", "status": "PLANNED", "createdAt": "2026-11-27T09:00:00Z"}"""
                .formatted(missionId, code, code, code));
    }

    /** Waits until the request's deployment case is open; answers it. */
    static Map<String, Object> caseOfRequest(String missionId, String requestId) {
        return await().atMost(EVENTUALLY).until(() -> {
            List<Map<String, Object>> items = planner().queryParam("missionId", missionId).queryParam("size", 100)
                    .get("/api/v1/authorization-cases").then().statusCode(200).extract().path("items");
            return items.stream().filter(item -> requestId.equals(item.get("missionRequestId"))).findFirst().orElse(null);
        }, Objects::nonNull);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Proposes a ceiling amendment as soon as the service knows the mission (mission-service's
     * event may still be on its way); answers the case id. The key makes the retries safe.
     */
    static String openAmendment(String missionId, int proposedCeiling, String rationale) {
        String key = newId();
        return await().atMost(EVENTUALLY).until(() -> {
            Response response = planner().header("Idempotency-Key", key)
                    .body(amendment(missionId, proposedCeiling, rationale)).post("/api/v1/authorization-cases");
            return response.statusCode() == 201 ? response.path("id") : null;
        }, Objects::nonNull);
    }

    static String amendment(String missionId, int proposedCeiling, String rationale) {
        return """
                {"kind": "CEILING_AMENDMENT", "missionId": "%s", "proposedCeiling": %d, "rationale": "%s"}"""
                .formatted(missionId, proposedCeiling, rationale);
    }
}
