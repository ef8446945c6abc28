package ca.cpa.authorization;

import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static ca.cpa.authorization.Api.EVENTUALLY;
import static ca.cpa.authorization.Api.caseOfRequest;
import static ca.cpa.authorization.Api.decide;
import static ca.cpa.authorization.Api.newId;
import static org.awaitility.Awaitility.await;

/**
 * What authorization-service publishes keeps the published contract. The test makes the service
 * publish one event of every type itself (two requests announced as mission-service would: one
 * case approved by the three partners, one rejected), then checks every event of the service
 * on its topic: its own and any that tests run before it caused.
 */
@QuarkusTest
class PublishedEventsContractTest {

    @Test
    void everyEventThisServicePublishesKeepsThePublishedContract() {
        String grantedMission = newId();
        String grantedRequest = newId();
        Api.submitted(grantedMission, grantedRequest, 2);
        String granted = (String) caseOfRequest(grantedMission, grantedRequest).get("id");
        Api.approveByAll(granted);

        String deniedMission = newId();
        String deniedRequest = newId();
        Api.submitted(deniedMission, deniedRequest, 1);
        String denied = (String) caseOfRequest(deniedMission, deniedRequest).get("id");
        decide(denied, "RCMP", "REJECT", "No officers available").then().statusCode(201);

        awaitOnTopic(List.of(
                "ca.cpa.authorization.case-opened.v1 " + granted,
                "ca.cpa.authorization.decision-recorded.v1 " + granted,
                "ca.cpa.authorization.granted.v1 " + granted,
                "ca.cpa.authorization.case-opened.v1 " + denied,
                "ca.cpa.authorization.decision-recorded.v1 " + denied,
                "ca.cpa.authorization.denied.v1 " + denied));

        PublishedEvents.assertKeepTheContract(Api.AUTHORIZATION_TOPIC, "/cpa/authorization-service");
    }

    /** Waits until an event of each "type subject" stands on the service's topic. */
    private static void awaitOnTopic(List<String> expected) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            Set<String> published = new HashSet<>();
            KafkaEvents.all(Api.AUTHORIZATION_TOPIC).forEach(event -> published.add(event.type() + " " + event.subject()));
            return published.containsAll(expected);
        });
    }
}
