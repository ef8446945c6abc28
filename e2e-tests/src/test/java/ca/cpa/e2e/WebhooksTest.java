package ca.cpa.e2e;

import ca.cpa.testing.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.created;
import static ca.cpa.e2e.Api.eventually;
import static ca.cpa.e2e.Api.partner;
import static ca.cpa.e2e.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner without Kafka follows its request through signed callbacks: subscribed through the
 * gateway, it is called back as mission-service records its request and its withdrawal, in that
 * order; another partner hears nothing of it, and a planner's subscription hears of the mission.
 */
@ExtendWith(RunningSuite.class)
class WebhooksTest {

    private static final String RECEIVED = "ca.cpa.mission-request.received.v1";
    private static final String WITHDRAWN = "ca.cpa.mission-request.withdrawn.v1";

    @Test
    void aPartnerIsCalledBackAboutItsOwnRequestOnlyInOrderAndSigned() {
        String ours = unique("MINJUSTICE");
        String theirs = unique("OTHER-MINISTRY");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = partner(ours).body("""
                            {"url": "%s", "eventTypes": ["%s", "%s"], "description": "our case system"}"""
                    .formatted(receiver.url("/ours"), RECEIVED, WITHDRAWN)).post("/api/v1/webhook-subscriptions")
                    .then().statusCode(201).body("organization", equalTo(ours)).extract().jsonPath();
            partner(theirs).body("""
                            {"url": "%s", "eventTypes": ["%s"]}""".formatted(receiver.url("/theirs"), RECEIVED))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201);
            String plannerSecret = as("mission-planner").body("""
                            {"url": "%s", "eventTypes": ["ca.cpa.mission.created.v1"]}""".formatted(receiver.url("/planner")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("secret");

            String mission = created(as("mission-planner").body("""
                            {"code": "%s", "nameEn": "Police mission in Haiti", "nameFr": "Mission de police en Haïti",
                             "hostCountry": "HT", "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}"""
                    .formatted(unique("BINUH"))).post("/api/v1/missions").then());
            String request = created(partner(ours).body("""
                            {"missionId": "%s", "requestingOrganization": {"type": "COUNTRY", "country": "HT"},
                             "positions": [{"role": "COMMUNITY_POLICING", "count": 1, "languages": ["fr"],
                                            "minYearsOfService": 3, "memberType": "SWORN_OFFICER"}],
                             "durationMonths": 12, "justification": "Community policing in Port-au-Prince."}"""
                    .formatted(mission)).post("/api/v1/mission-requests").then());
            partner(ours).body("{\"reason\": \"Filed twice by mistake.\"}")
                    .post("/api/v1/mission-requests/" + request + "/withdrawal").then().statusCode(200);

            eventually(() -> assertEquals(2, at(receiver, "/ours").size()));
            List<WebhookReceiver.Received> ourCalls = at(receiver, "/ours");
            assertEquals(List.of(RECEIVED, WITHDRAWN), ourCalls.stream()
                    .map(call -> JsonPath.from(call.body()).getString("type")).toList());
            for (WebhookReceiver.Received call : ourCalls) {
                assertTrue(call.signedWith(subscription.getString("secret")), call.headers().toString());
                assertEquals(request, JsonPath.from(call.body()).getString("subject"));
            }
            eventually(() -> assertTrue(at(receiver, "/planner").stream().anyMatch(call ->
                    mission.equals(JsonPath.from(call.body()).getString("data.missionId")) && call.signedWith(plannerSecret))));
            assertTrue(at(receiver, "/theirs").stream().noneMatch(call -> call.body().contains(request)),
                    "another organization hears nothing of the request");

            as("auditor").get("/api/v1/webhook-subscriptions/" + subscription.getString("id") + "/deliveries").then()
                    .statusCode(200).body("items.status", equalTo(List.of("SUCCEEDED", "SUCCEEDED")));
        }
    }

    private static List<WebhookReceiver.Received> at(WebhookReceiver receiver, String path) {
        return receiver.received().stream().filter(call -> call.path().equals(path)).toList();
    }
}
