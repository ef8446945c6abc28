package ca.cpa.mission;

import ca.cpa.platform.security.Roles;
import ca.cpa.testing.Calls;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static ca.cpa.mission.Api.as;
import static ca.cpa.mission.Api.planner;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboxTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = "cpa.mission-service.dead-letter";

    @Test
    void theSameEventDeliveredTwiceChangesNothing() {
        String missionId = Api.createMission("PROTEUS");
        // One case, so one key and one partition: the events are consumed in the order sent.
        String caseId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        KafkaEvents.publish(Events.AUTHORIZATION_TOPIC, first, Events.GRANTED, "/cpa/authorization-service", caseId,
                Events.grantedData(caseId, missionId, null, 7, 1));
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/missions/" + missionId)
                .then().body("authorizedCeiling", equalTo(7)));
        KafkaEvents.publish(Events.AUTHORIZATION_TOPIC, UUID.randomUUID().toString(), Events.GRANTED,
                "/cpa/authorization-service", caseId, Events.grantedData(caseId, missionId, null, 12, 2));
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/missions/" + missionId)
                .then().body("authorizedCeiling", equalTo(12)));
        String versionBefore = planner().get("/api/v1/missions/" + missionId).then().extract().header("ETag");

        double duplicatesBefore = duplicatesCounted();
        KafkaEvents.publish(Events.AUTHORIZATION_TOPIC, first, Events.GRANTED, "/cpa/authorization-service", caseId,
                Events.grantedData(caseId, missionId, null, 7, 1));
        await().atMost(EVENTUALLY).until(() -> duplicatesCounted() > duplicatesBefore);

        planner().get("/api/v1/missions/" + missionId)
                .then().body("authorizedCeiling", equalTo(12)).header("ETag", versionBefore);
    }

    @Test
    void aPoisonMessageIsSetAsideAndTheNextGoodEventIsStillProcessed() {
        String missionId = Api.createMission("POISON");
        String poisonKey = UUID.randomUUID().toString();
        KafkaEvents.publishRaw(Events.AUTHORIZATION_TOPIC, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
        String unknownType = KafkaEvents.publish(Events.AUTHORIZATION_TOPIC, "ca.cpa.authorization.vetoed.v1",
                "/cpa/authorization-service", UUID.randomUUID().toString(), "{}");
        String invalidData = KafkaEvents.publish(Events.AUTHORIZATION_TOPIC, Events.GRANTED,
                "/cpa/authorization-service", UUID.randomUUID().toString(), "{\"caseId\": \"" + UUID.randomUUID() + "\"}");
        String unknownMission = Events.granted(UUID.randomUUID().toString(), null, 4, 1);

        Events.granted(missionId, null, 5, 1);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/missions/" + missionId)
                .then().body("authorizedCeiling", equalTo(5)));

        KafkaEvents.ReceivedEvent poison = KafkaEvents.await(DEAD_LETTERS, e -> poisonKey.equals(e.key()), EVENTUALLY);
        assertEquals("{not json", poison.data());
        assertTrue(poison.header("dead-letter-reason").contains("not a CloudEvent"), poison.header("dead-letter-reason"));
        KafkaEvents.ReceivedEvent unknown = KafkaEvents.await(DEAD_LETTERS,
                e -> unknownType.equals(e.header("ce_id")), EVENTUALLY);
        assertTrue(unknown.header("dead-letter-reason").contains("unknown event type"));
        KafkaEvents.ReceivedEvent invalid = KafkaEvents.await(DEAD_LETTERS,
                e -> invalidData.equals(e.header("ce_id")), EVENTUALLY);
        assertTrue(invalid.header("dead-letter-reason").contains("missionId"), invalid.header("dead-letter-reason"));
        KafkaEvents.ReceivedEvent noSuchMission = KafkaEvents.await(DEAD_LETTERS,
                e -> unknownMission.equals(e.header("ce_id")), EVENTUALLY);
        assertTrue(noSuchMission.header("dead-letter-reason").contains("unknown mission"),
                noSuchMission.header("dead-letter-reason"));
    }

    private static double duplicatesCounted() {
        return Calls.inboxCount("duplicate", Events.GRANTED);
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        as(Roles.AUDITOR).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/mission-requests/{id}/submission'.post.operationId", equalTo("submitMissionRequest"))
                .body("paths.'/api/v1/missions'.post.responses.'409'.$ref", equalTo("#/components/responses/Problem409"))
                .body("components.responses.Problem409.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("components.responses.Problem404.description", equalTo(
                        "No resource with this id, or the caller may not see it"));
    }
}
