package ca.cpa.personnel;

import ca.cpa.testing.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ca.cpa.personnel.Api.newId;

/**
 * What personnel-service publishes keeps the published contract. The test makes the service
 * publish one event of every type itself (a whole tour, on a request authorized by the events
 * mission-service and authorization-service would publish), then checks every event of the
 * service on its topic: its own and any that tests run before it caused.
 */
@QuarkusTest
class PublishedEventsContractTest {

    private static final String ROLE = "COMMUNITY_POLICING";

    @Test
    void everyEventThisServicePublishesKeepsThePublishedContract() {
        String request = Api.authorizedRequest(newId(), ROLE, 1, 1, 1);
        Api.Tour tour = Api.fullTour(request, ROLE, Api.recentCourse());
        Api.awaitEvents(List.of(tour));

        PublishedEvents.assertKeepTheContract(Api.PERSONNEL_TOPIC, "/cpa/personnel-service");
    }
}
