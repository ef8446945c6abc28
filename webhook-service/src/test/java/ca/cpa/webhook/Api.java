package ca.cpa.webhook;

import ca.cpa.testing.WebhookReceiver;
import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls webhook-service as partners and planners do, and publishes the events they subscribe to. */
final class Api {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);
    static final String MISSION_CREATED = "ca.cpa.mission.created.v1";
    static final String REQUEST_RECEIVED = "ca.cpa.mission-request.received.v1";
    static final String GRANTED = "ca.cpa.authorization.granted.v1";

    private Api() {
    }

    static RequestSpecification planner() {
        return Calls.as(Roles.MISSION_PLANNER);
    }

    static RequestSpecification partner(String organization) {
        return given().auth().oauth2(Tokens.partner(organization)).contentType("application/json").accept("application/json");
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Subscribes and answers the subscription as created, secret included. */
    static JsonPath subscribe(RequestSpecification as, String url, String... eventTypes) {
        return as.body(subscription(url, eventTypes)).post("/api/v1/webhook-subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    static String subscription(String url, String... eventTypes) {
        return """
                {"url": "%s", "eventTypes": [%s], "description": "a test receiver"}"""
                .formatted(url, String.join(",", Arrays.stream(eventTypes).map(type -> "\"" + type + "\"").toList()));
    }

    static JsonPath deliveries(String subscriptionId) {
        return planner().get("/api/v1/webhook-subscriptions/" + subscriptionId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    // --- events, as the three services publish them ---

    static String missionCreated(String missionId) {
        return KafkaEvents.publish("cpa.mission.events", MISSION_CREATED, "/cpa/mission-service", missionId,
                missionCreatedData(missionId));
    }

    static String missionCreatedData(String missionId) {
        return """
                {"missionId": "%s", "code": "W%s", "nameEn": "Mission", "nameFr": "Mission", "hostCountry": "HT",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations", "status": "PLANNED",
                 "createdAt": "2026-11-27T10:00:00Z", "aFieldThisServiceDoesNotKnow": 7}"""
                .formatted(missionId, missionId.substring(0, 8).toUpperCase());
    }

    static String requestReceived(String requestId, String organization) {
        return KafkaEvents.publish("cpa.mission.events", REQUEST_RECEIVED, "/cpa/mission-service", requestId, """
                {"missionRequestId": "%s", "missionId": "%s",
                 "requestingOrganization": {"type": "UNITED_NATIONS", "name": "%s"},
                 "positions": [{"role": "COMMUNITY_POLICING", "count": 2, "languages": ["fr"], "minYearsOfService": 5,
                                "memberType": "SWORN_OFFICER"}],
                 "durationMonths": 12, "receivedAt": "2026-11-27T10:00:00Z"}""".formatted(requestId, newId(), organization));
    }

    /** The authorization of a request (or, with no request, of a ceiling amendment), announced on its case's key. */
    static String granted(String caseId, String requestId) {
        return KafkaEvents.publish("cpa.authorization.events", GRANTED, "/cpa/authorization-service", caseId, """
                {"caseId": "%s", "kind": "%s", "missionId": "%s", "missionRequestId": %s, "newCeiling": 9,
                 "previousCeiling": 7, "authorizationNumber": 2, "effectiveDate": "2026-11-27",
                 "grantedAt": "2026-11-27T10:00:00Z"}""".formatted(caseId, requestId == null ? "CEILING_AMENDMENT" : "DEPLOYMENT",
                newId(), requestId == null ? "null" : "\"" + requestId + "\""));
    }
}
