package ca.cpa.mission;

import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class TopicsTest {

    private static final List<String> TOPICS = List.of("cpa.mission.events", "cpa.authorization.events",
            "cpa.personnel.events", "cpa.mission-service.dead-letter");

    @Test
    void theServiceCreatesEveryTopicItTouchesWithTheConfiguredPartitionsAndTheBrokerCreatesNone() throws Exception {
        try (Admin admin = Admin.create(KafkaEvents.clientSettings())) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(TOPICS));
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
            topics.values().forEach(topic -> assertEquals(6, topic.partitions().size(), topic.name()));

            // a consumer asking for a topic no service created does not bring it into being
            KafkaEvents.all("cpa.nobody.events");
            assertFalse(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains("cpa.nobody.events"));
        }
    }

    @Test
    void oneRequestsEventsShareAPartitionAndStandInTheOrderTheyHappened() {
        String requestId = Api.submittedRequest(Api.createMission("ORDER"));
        Api.planner().body("{\"reason\": \"Overtaken by events\"}")
                .post("/api/v1/mission-requests/" + requestId + "/withdrawal").then().statusCode(200);
        List<KafkaEvents.ReceivedEvent> events = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaEvents.all("cpa.mission.events").stream().filter(e -> requestId.equals(e.key())).toList(),
                found -> found.size() == 3);
        assertEquals(1, events.stream().map(KafkaEvents.ReceivedEvent::partition).distinct().count());
        assertEquals(List.of("ca.cpa.mission-request.received.v1", "ca.cpa.mission-request.submitted.v1",
                        "ca.cpa.mission-request.withdrawn.v1"),
                events.stream().sorted(Comparator.comparingLong(KafkaEvents.ReceivedEvent::offset))
                        .map(KafkaEvents.ReceivedEvent::type).toList());
    }
}
