package ca.cpa.e2e.partner;

import ca.cpa.e2e.RunningSuite;
import ca.cpa.e2e.Workflows;
import ca.cpa.testing.KafkaEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/integration.md's consumer, as printed there, subscribed to the suite after the workflow ran. */
@ExtendWith(RunningSuite.class)
class PartnerConsumerTest {

    @Test
    void thePartnersConsumerHandlesEveryGrantOfTheWorkflowOnce() {
        // PROTEUS's ceiling granted twice; the workflow waits for each grant's effect, so both are on the topic
        Workflows.proteusCeilingGoesFrom7To12AndARejectedRequestIsDeclined();
        Set<String> onTopic = KafkaEvents.all("cpa.authorization.events").stream()
                .filter(event -> "ca.cpa.authorization.granted.v1".equals(event.type()))
                .map(KafkaEvents.ReceivedEvent::subject).collect(Collectors.toSet());
        assertTrue(onTopic.size() >= 2, "the workflow granted " + onTopic.size() + " cases");
        List<String> granted = new ArrayList<>();
        try (PartnerConsumer partner = new PartnerConsumer(RunningSuite.suite().bootstrapServers(), "partner-e2e",
                Map.of("ca.cpa.authorization.granted.v1", (caseId, data) -> granted.add(caseId)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                partner.pollOnce();
                return granted.size() >= onTopic.size();
            });
        }
        assertEquals(onTopic, new HashSet<>(granted));
        assertEquals(onTopic.size(), granted.size(), "each grant handled once");
    }

    @Test
    void theDocumentationShowsThisVeryCode() throws IOException {
        Path root = Path.of(System.getProperty("cpa.root", "..")).toAbsolutePath().normalize();
        String code = Files.readString(root.resolve("e2e-tests/src/test/java/ca/cpa/e2e/partner/PartnerConsumer.java"));
        String documented = Files.readString(root.resolve("docs/integration.md"));
        assertTrue(documented.contains(code.substring(code.indexOf("import "))),
                "docs/integration.md shows PartnerConsumer.java from its first import to its end");
    }
}
