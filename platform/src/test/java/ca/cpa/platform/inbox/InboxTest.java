package ca.cpa.platform.inbox;

import ca.cpa.platform.testapp.TestHandlers;
import ca.cpa.platform.testapp.ThingRecorded;
import ca.cpa.platform.testapp.Things;
import ca.cpa.testing.KafkaEvents.ReceivedEvent;
import ca.cpa.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox of a service as its users see it: each event applied once however often it is
 * delivered, what cannot be processed set aside on the dead-letter topic without holding up
 * what follows, ignored types acknowledged, passing failures retried, a database outage waited out.
 * <p>
 * Events about one subject share a key, so a partition, and are consumed in the order sent:
 * once a later event about the subject has been applied, an earlier one has been dealt with.
 */
@QuarkusTest
class InboxTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** A database outage longer than all the attempts at an event failing for a passing reason (max-attempts is 3 here). */
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final String TOPIC = "cpa.platform-test.inbound";
    private static final String DEAD_LETTERS = "cpa.platform-test.dead-letter";
    private static final String PARTNER = "/cpa/some-partner";

    @Inject
    Things things;

    @Inject
    TestHandlers handlers;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        String subject = newSubject();
        String eventId = UUID.randomUUID().toString();
        String data = recorded("once only", 0);
        KafkaEvents.publish(TOPIC, eventId, ThingRecorded.TYPE, PARTNER, subject, data);
        awaitApplied(UUID.fromString(eventId));

        KafkaEvents.publish(TOPIC, eventId, ThingRecorded.TYPE, PARTNER, subject, data);
        awaitApplied(publishRecorded(subject, "after the redelivery"));

        assertEquals(1, things.notesOfEvent(UUID.fromString(eventId)), "applied once");
        assertEquals(1, handlers.attempts(UUID.fromString(eventId)), "the handler was not even called again");
        assertEquals(2, things.notes(subject).size());
    }

    @Test
    void whatCannotBeProcessedIsDeadLetteredAndTheEventsAfterItStillApplied() {
        String subject = newSubject();
        KafkaEvents.publishRaw(TOPIC, subject, "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        String unknownType = KafkaEvents.publish(TOPIC, ThingRecorded.UNKNOWN_TYPE, PARTNER, subject,
                recorded("of a type nobody handles", 0));
        String invalidData = KafkaEvents.publish(TOPIC, ThingRecorded.TYPE, PARTNER, subject,
                "{\"text\": \"no thing id\", \"transientFailures\": 0}");
        UUID good = publishRecorded(subject, "after the bad ones");

        awaitApplied(good);

        ReceivedEvent notCloudEvent = KafkaEvents.await(DEAD_LETTERS,
                e -> subject.equals(e.key()) && e.header("ce_id") == null, EVENTUALLY);
        assertEquals("{not a cloud event", notCloudEvent.data(), "set aside as it came");
        assertReason(notCloudEvent, "not a CloudEvent");

        ReceivedEvent unknown = KafkaEvents.await(DEAD_LETTERS, e -> unknownType.equals(e.header("ce_id")), EVENTUALLY);
        assertReason(unknown, "unknown event type " + ThingRecorded.UNKNOWN_TYPE);
        assertEquals(subject, unknown.key());

        ReceivedEvent invalid = KafkaEvents.await(DEAD_LETTERS, e -> invalidData.equals(e.header("ce_id")), EVENTUALLY);
        assertReason(invalid, "thingId");
        assertReason(invalid, "invalid");

        assertEquals(1, things.notes(subject).size(), "only the good event applied");
        assertFalse(things.inInbox(UUID.fromString(unknownType)));
        assertFalse(things.inInbox(UUID.fromString(invalidData)));
    }

    @Test
    void anEventTheDomainRefusesIsDeadLetteredAtOnceWithoutRetries() {
        String subject = newSubject();
        String refused = KafkaEvents.publish(TOPIC, ThingRecorded.TYPE, PARTNER, subject,
                recorded(ThingRecorded.REFUSED_TEXT, 0));
        awaitApplied(publishRecorded(subject, "after the refused one"));

        ReceivedEvent deadLetter = KafkaEvents.await(DEAD_LETTERS, e -> refused.equals(e.header("ce_id")), EVENTUALLY);
        assertReason(deadLetter, "platform-test.refused");
        assertEquals(1, handlers.attempts(UUID.fromString(refused)), "a rule's refusal is not retried");
        assertEquals(0, things.notesOfEvent(UUID.fromString(refused)));
        assertFalse(things.inInbox(UUID.fromString(refused)));
    }

    @Test
    void anEventOfAnIgnoredTypeIsAcknowledgedAndNotApplied() {
        String subject = newSubject();
        String ignored = KafkaEvents.publish(TOPIC, ThingRecorded.IGNORED_TYPE, PARTNER, subject,
                recorded("of no concern", 0));
        awaitApplied(publishRecorded(subject, "after the ignored one"));

        assertEquals(0, things.notesOfEvent(UUID.fromString(ignored)), "not applied");
        assertFalse(things.inInbox(UUID.fromString(ignored)));
        assertTrue(KafkaEvents.all(DEAD_LETTERS).stream().noneMatch(e -> ignored.equals(e.header("ce_id"))),
                "not dead-lettered either");
    }

    @Test
    void aHandlerThatFailsPassinglyIsRetriedAndAppliedOnce() {
        String subject = newSubject();
        String eventId = KafkaEvents.publish(TOPIC, ThingRecorded.TYPE, PARTNER, subject, recorded("second time lucky", 1));
        UUID id = UUID.fromString(eventId);

        awaitApplied(id);

        assertEquals(2, handlers.attempts(id), "failed once, then succeeded");
        assertEquals(1, things.notesOfEvent(id), "the failed attempt's writes were rolled back");
        assertTrue(things.inInbox(id));
        awaitApplied(publishRecorded(subject, "after the retried one"));
        assertTrue(KafkaEvents.all(DEAD_LETTERS).stream().noneMatch(e -> eventId.equals(e.header("ce_id"))),
                "not dead-lettered");
    }

    @Test
    void anEventMetWhileTheDatabaseCannotBeReachedWaitsForItAndIsNotDeadLettered() throws Exception {
        String subject = newSubject();
        UUID eventId;
        try (Connection admin = adminConnection()) {
            refuseConnections(admin, true);
            try {
                eventId = publishRecorded(subject, "while the database is away");
                // longer than every attempt the inbox makes at an event that fails for a passing reason
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                refuseConnections(admin, false);
            }
        }
        awaitApplied(eventId);
        assertEquals(1, things.notesOfEvent(eventId));
        assertEquals(1, handlers.attempts(eventId), "the handler ran once the database answered");
        assertTrue(KafkaEvents.all(DEAD_LETTERS).stream().noneMatch(e -> eventId.toString().equals(e.header("ce_id"))),
                "not dead-lettered");
    }

    private static Connection adminConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(databaseUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** Makes this application's database refuse connections, and ends those it has; or take them again. */
    private static void refuseConnections(Connection admin, boolean refuse) throws SQLException {
        String database = databaseUrl().replaceFirst(".*/([^/?]+)(\\?.*)?$", "$1");
        try (Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }

    private static String databaseUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private UUID publishRecorded(String subject, String text) {
        return UUID.fromString(KafkaEvents.publish(TOPIC, ThingRecorded.TYPE, PARTNER, subject, recorded(text, 0)));
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(EVENTUALLY).until(() -> things.notesOfEvent(eventId) > 0);
    }

    private static void assertReason(ReceivedEvent deadLetter, String expected) {
        String reason = deadLetter.header("dead-letter-reason");
        assertTrue(reason != null && reason.contains(expected), "the reason " + reason + " mentions " + expected);
    }

    private static String recorded(String text, int transientFailures) {
        return """
                {"thingId": "%s", "text": "%s", "transientFailures": %d}""".formatted(UUID.randomUUID(), text, transientFailures);
    }

    private static String newSubject() {
        return "thing-" + UUID.randomUUID();
    }
}
