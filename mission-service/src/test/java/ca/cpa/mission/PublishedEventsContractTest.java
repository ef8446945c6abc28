package ca.cpa.mission;

import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static ca.cpa.mission.Api.planner;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What mission-service publishes keeps the published contract. The test makes the service
 * publish one event of every type itself (a mission created, activated and given a mandate, a request authorized
 * and fulfilled through the events authorization-service and personnel-service would publish,
 * another request withdrawn), then checks every event of the service on its topic: its own and
 * any that tests run before it caused.
 */
@QuarkusTest
class PublishedEventsContractTest {

    private static final String TOPIC = "cpa.mission.events";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Test
    void everyEventThisServicePublishesKeepsThePublishedContract() {
        String missionId = Api.createMission("CONTRACT");
        String etag = planner().get("/api/v1/missions/" + missionId).then().statusCode(200).extract().header("ETag");
        etag = planner().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"status\": \"ACTIVE\"}")
                .patch("/api/v1/missions/" + missionId).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .extract().header("ETag");
        planner().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"mandateStart\": \"2013-01-01\", \"mandateEnd\": \"2027-12-31\"}")
                .patch("/api/v1/missions/" + missionId).then().statusCode(200).body("mandateEnd", equalTo("2027-12-31"));

        String fulfilled = Api.submittedRequest(missionId);
        Events.granted(missionId, fulfilled, 3, 1);
        await().atMost(EVENTUALLY).untilAsserted(() -> planner().get("/api/v1/mission-requests/" + fulfilled)
                .then().body("status", equalTo("AUTHORIZED")));
        Events.deploymentStarted(missionId, fulfilled, "TRAINING_MENTORING_MONITORING");
        Events.deploymentStarted(missionId, fulfilled, "TRAINING_MENTORING_MONITORING");
        Events.deploymentStarted(missionId, fulfilled, "STRATEGIC_ANALYSIS");

        String withdrawn = Api.fileRequest(missionId);
        planner().body("{\"reason\": \"The host government withdrew its consent.\"}")
                .post("/api/v1/mission-requests/" + withdrawn + "/withdrawal").then().statusCode(200);

        awaitOnTopic(List.of(
                "ca.cpa.mission.created.v1 " + missionId,
                "ca.cpa.mission.status-changed.v1 " + missionId,
                "ca.cpa.mission.mandate-changed.v1 " + missionId,
                "ca.cpa.mission-request.received.v1 " + fulfilled,
                "ca.cpa.mission-request.submitted.v1 " + fulfilled,
                "ca.cpa.mission-request.fulfilled.v1 " + fulfilled,
                "ca.cpa.mission-request.withdrawn.v1 " + withdrawn));

        PublishedEvents.assertKeepTheContract(TOPIC, "/cpa/mission-service");
    }

    /** Waits until an event of each "type subject" stands on the service's topic. */
    private static void awaitOnTopic(List<String> expected) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            Set<String> published = new HashSet<>();
            KafkaEvents.all(TOPIC).forEach(event -> published.add(event.type() + " " + event.subject()));
            return published.containsAll(expected);
        });
    }
}
