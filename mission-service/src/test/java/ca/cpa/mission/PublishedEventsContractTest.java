package ca.cpa.mission;

import ca.cpa.testing.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other test class of the module: checks all that they made the service publish. */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class PublishedEventsContractTest {

    @Test
    void everyEventTheTestsMadeThisServicePublishKeepsThePublishedContract() {
        PublishedEvents.assertKeepTheContract("cpa.mission.events", "/cpa/mission-service");
    }
}
