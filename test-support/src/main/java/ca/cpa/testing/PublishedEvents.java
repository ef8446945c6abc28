package ca.cpa.testing;

import ca.cpa.contracts.ContractDocuments;
import ca.cpa.contracts.EventContract;
import ca.cpa.testing.KafkaEvents.ReceivedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract check of what a service published while its tests ran: every event on its
 * topic from its source keeps the published contract (a schema for its type, data valid
 * against it, nothing undocumented, the CloudEvents headers), and the tests produced every
 * type the service publishes, so that no schema goes unchecked.
 */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    public static void assertKeepTheContract(String topic, String source) {
        EventContract contract = EventContract.current();
        List<ReceivedEvent> published = KafkaEvents.all(topic).stream()
                .filter(event -> source.equals(event.header("ce_source"))).toList();
        assertTrue(published.size() > 0, "the tests published nothing on " + topic);
        List<String> violations = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        for (ReceivedEvent event : published) {
            String where = event.type() + " " + event.header("ce_id") + " (" + topic + "@" + event.offset() + "): ";
            types.add(event.type());
            contract.violations(event.type(), event.header("ce_dataschema"), event.data())
                    .forEach(violation -> violations.add(where + violation));
            headers(event).forEach(violation -> violations.add(where + violation));
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " of " + published.size() + " events break the contract:\n" + String.join("\n", violations));
        }
        Set<String> publishedBySource = new TreeSet<>();
        ContractDocuments.current().asyncApi().path("components").path("messages").forEach(message -> {
            if (source.equals(message.path("headers").path("properties").path("ce_source").path("const").asText())) {
                publishedBySource.add(message.path("name").asText());
            }
        });
        assertEquals(publishedBySource, types, "the types " + source + " publishes, each produced by the tests");
    }

    private static List<String> headers(ReceivedEvent event) {
        List<String> violations = new ArrayList<>();
        if (!"1.0".equals(event.header("ce_specversion"))) {
            violations.add("ce_specversion is " + event.header("ce_specversion"));
        }
        if (!isUuid(event.header("ce_id"))) {
            violations.add("ce_id is not a UUID");
        }
        if (event.subject() == null || !event.subject().equals(event.key())) {
            violations.add("the key " + event.key() + " is not the subject " + event.subject());
        }
        if (event.header("ce_time") == null) {
            violations.add("no ce_time");
        }
        if (!"application/json".equals(event.header("content-type"))) {
            violations.add("content-type is " + event.header("content-type"));
        }
        return violations;
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
