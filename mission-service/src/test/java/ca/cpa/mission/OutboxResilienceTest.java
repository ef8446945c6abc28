package ca.cpa.mission;

import ca.cpa.runtime.KafkaBroker;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
class OutboxResilienceTest {

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @TestBroker
    KafkaBroker broker;

    @Test
    void anEventCommittedWhileTheBrokerIsDownIsPublishedWhenItReturns() throws InterruptedException {
        assumeTrue(broker != null, "the tests use a broker named by KAFKA_BOOTSTRAP_SERVERS, which they cannot stop");
        String missionId = Api.createMission("OUTAGE");
        String requestId;
        broker.stop();
        try {
            requestId = Api.submittedRequest(missionId);
            // Longer than the relay's send timeout under test: its first attempt fails and is rolled back.
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            broker.start();
        }
        KafkaEvents.await("cpa.mission.events",
                e -> requestId.equals(e.subject()) && "ca.cpa.mission-request.submitted.v1".equals(e.type()),
                Duration.ofSeconds(90));
    }
}
