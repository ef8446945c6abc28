package ca.cpa.personnel;

import ca.cpa.testing.KafkaEvents.ReceivedEvent;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ca.cpa.personnel.Api.newId;
import static org.awaitility.Awaitility.await;

/**
 * What personnel-service publishes keeps the published contract. The test makes the service
 * publish one event of every type itself (a whole tour, and a second tour extended then
 * cancelled, on a request authorized by the events mission-service and authorization-service
 * would publish), then checks every event of the
 * service on its topic: its own and any that tests run before it caused.
 */
@QuarkusTest
class PublishedEventsContractTest {

    private static final String ROLE = "COMMUNITY_POLICING";

    @Test
    void everyEventThisServicePublishesKeepsThePublishedContract() {
        String request = Api.authorizedRequest(newId(), ROLE, 2, 2, 1);
        String course = Api.recentCourse();
        Api.Tour tour = Api.fullTour(request, ROLE, course);
        Api.awaitEvents(List.of(tour));
        // a second officer's tour is extended, then cancelled
        String deployment = Api.plan(Api.deployableCandidacy(request, ROLE, course)).then().statusCode(201)
                .extract().path("id");
        Api.officerDesk().body("{\"endDate\": \"%s\", \"justification\": \"Elections postponed.\"}"
                        .formatted(Api.TODAY.plusMonths(18)))
                .post("/api/v1/deployments/" + deployment + "/extension").then().statusCode(200);
        Api.officerDesk().body("{\"reason\": \"OPERATIONAL\"}")
                .post("/api/v1/deployments/" + deployment + "/cancellation").then().statusCode(200);
        await().atMost(Api.EVENTUALLY).until(() -> KafkaEvents.all(Api.PERSONNEL_TOPIC).stream()
                .filter(event -> deployment.equals(event.subject())).map(ReceivedEvent::type).toList()
                .containsAll(List.of("ca.cpa.deployment.extended.v1", "ca.cpa.deployment.cancelled.v1")));

        PublishedEvents.assertKeepTheContract(Api.PERSONNEL_TOPIC, "/cpa/personnel-service");
    }
}
