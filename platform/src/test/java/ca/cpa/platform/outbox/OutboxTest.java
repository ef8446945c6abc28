package ca.cpa.platform.outbox;

import ca.cpa.platform.testapp.ThingHappened;
import ca.cpa.platform.testapp.Things;
import ca.cpa.testing.KafkaEvents.ReceivedEvent;
import ca.cpa.testing.KafkaEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox of a service as its users see it: what a committed transaction publishes reaches
 * the service's topic, once, as a CloudEvent in Kafka binary mode, in order per subject; what
 * a rolled-back transaction published never does.
 */
@QuarkusTest
class OutboxTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String TOPIC = "cpa.platform-test.events";
    private static final String SOURCE = "/cpa/platform-test";

    @Inject
    Things things;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void aCommittedEventReachesTheTopicOnceAsABinaryModeCloudEvent() throws Exception {
        String thingId = newThingId();
        things.happen(thingId, new ThingHappened(thingId, 1, "first light"));
        OutboxMessage stored = things.outbox(thingId).get(0);
        String eventId = stored.eventId.toString();

        ReceivedEvent event = KafkaEvents.await(TOPIC, e -> eventId.equals(e.header("ce_id")), EVENTUALLY);

        assertEquals(UUID.fromString(eventId).toString(), event.header("ce_id"), "ce_id is a UUID");
        assertEquals("1.0", event.header("ce_specversion"));
        assertEquals(ThingHappened.TYPE, event.header("ce_type"));
        assertEquals(SOURCE, event.header("ce_source"));
        assertEquals(thingId, event.header("ce_subject"));
        assertEquals(thingId, event.key(), "the Kafka key is the subject");
        assertEquals("application/json", event.header("content-type"));
        assertEquals("urn:cpa:event-schema:" + ThingHappened.TYPE, event.header("ce_dataschema"));
        assertEquals(stored.occurredAt, OffsetDateTime.parse(event.header("ce_time")).toInstant());
        assertTrue(event.header("ce_traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                "the event continues a W3C trace: " + event.header("ce_traceparent"));
        // binary mode: the data alone is the value, the attributes are headers
        JsonNode data = objectMapper.readTree(event.data());
        assertEquals(objectMapper.readTree("""
                {"thingId": "%s", "sequence": 1, "note": "first light"}""".formatted(thingId)), data,
                "the data is the JSON of the record, without its type and subject");

        // A later event about the same thing follows it on its partition: once that one is on
        // the topic, any second copy of the first would be too.
        things.happen(thingId, new ThingHappened(thingId, 2, "second light"));
        String laterId = things.outbox(thingId).get(1).eventId.toString();
        KafkaEvents.await(TOPIC, e -> laterId.equals(e.header("ce_id")), EVENTUALLY);
        assertEquals(1, KafkaEvents.all(TOPIC).stream().filter(e -> eventId.equals(e.header("ce_id"))).count(),
                "the event is published once");
    }

    @Test
    void anEventIsMarkedPublishedOnceTheBrokerHasIt() {
        String thingId = newThingId();
        things.happen(thingId, new ThingHappened(thingId, 1, "to be marked"));
        UUID eventId = things.outbox(thingId).get(0).eventId;

        KafkaEvents.await(TOPIC, e -> eventId.toString().equals(e.header("ce_id")), EVENTUALLY);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertNotNull(things.outbox(thingId).get(0).publishedAt));
        assertEquals(eventId, things.outbox(thingId).get(0).eventId);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String thingId = newThingId();
        assertThrows(Things.Failure.class,
                () -> things.happenThenFail(thingId, new ThingHappened(thingId, 1, "never happened")));

        assertEquals(List.of(), things.outbox(thingId), "no outbox row");
        assertEquals(List.of(), things.notes(thingId), "nor the change itself");

        // What the relay publishes next about the thing reaches the topic after anything it
        // could have published about it before.
        things.happen(thingId, new ThingHappened(thingId, 2, "did happen"));
        String committedId = things.outbox(thingId).get(0).eventId.toString();
        KafkaEvents.await(TOPIC, e -> committedId.equals(e.header("ce_id")), EVENTUALLY);
        List<ReceivedEvent> aboutTheThing = KafkaEvents.all(TOPIC).stream()
                .filter(e -> thingId.equals(e.subject())).toList();
        assertEquals(List.of(committedId), aboutTheThing.stream().map(e -> e.header("ce_id")).toList(),
                "only the committed event is on the topic");
    }

    @Test
    void theEventsOfOneSubjectArriveInTheOrderTheyWerePublished() throws Exception {
        String thingId = newThingId();
        // several in one transaction, then several in transactions of their own
        things.happen(thingId, IntStream.rangeClosed(1, 4)
                .mapToObj(i -> new ThingHappened(thingId, i, "in one transaction")).toArray(ThingHappened[]::new));
        for (int i = 5; i <= 8; i++) {
            things.happen(thingId, new ThingHappened(thingId, i, "in a transaction of its own"));
        }
        List<String> published = things.outbox(thingId).stream().map(m -> m.eventId.toString()).toList();
        assertEquals(8, published.size());

        String last = published.get(published.size() - 1);
        KafkaEvents.await(TOPIC, e -> last.equals(e.header("ce_id")), EVENTUALLY);
        List<ReceivedEvent> arrived = KafkaEvents.all(TOPIC).stream().filter(e -> thingId.equals(e.subject())).toList();
        assertEquals(published, arrived.stream().map(e -> e.header("ce_id")).toList(), "the events in publication order");
        List<Integer> sequences = arrived.stream().map(e -> sequenceOf(e)).toList();
        assertEquals(IntStream.rangeClosed(1, 8).boxed().toList(), sequences);
        Set<Integer> partitions = new TreeSet<>(arrived.stream().map(ReceivedEvent::partition).toList());
        assertEquals(1, partitions.size(), "one subject, one partition: " + partitions);
    }

    private int sequenceOf(ReceivedEvent event) {
        try {
            return objectMapper.readTree(event.data()).path("sequence").asInt();
        } catch (Exception e) {
            throw new AssertionError("unreadable data: " + event.data(), e);
        }
    }

    private static String newThingId() {
        return "thing-" + UUID.randomUUID();
    }
}
