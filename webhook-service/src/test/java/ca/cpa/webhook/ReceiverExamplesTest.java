package ca.cpa.webhook;

import ca.cpa.testing.WebhookReceiver;
import ca.cpa.examples.webhooks.WebhookVerifier;
import ca.cpa.testing.NodeTools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static ca.cpa.webhook.Api.EVENTUALLY;
import static ca.cpa.webhook.Api.MISSION_CREATED;
import static ca.cpa.webhook.Api.missionCreated;
import static ca.cpa.webhook.Api.newId;
import static ca.cpa.webhook.Api.planner;
import static ca.cpa.webhook.Api.subscribe;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The receiver examples of docs/integration.md (docs/examples/webhook-receiver), in Java and in
 * TypeScript, verify a delivery this service really sent, and refuse it once tampered with.
 */
@QuarkusTest
class ReceiverExamplesTest {

    private static final Path EXAMPLES = NodeTools.root().resolve("docs/examples/webhook-receiver");

    @Test
    void theJavaExampleVerifiesARealDeliveryAndRefusesATamperedOne() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = subscribe(planner(), receiver.url("/java"), MISSION_CREATED).getString("secret");
            WebhookReceiver.Received delivery = deliveryOf(receiver);
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            WebhookVerifier verifier = new WebhookVerifier(secret);

            assertDoesNotThrow(() -> verifier.verify(delivery.webhookId(), delivery.header("webhook-timestamp"),
                    delivery.header("webhook-signature"), body));
            byte[] tampered = delivery.body().replace("\"HT\"", "\"CD\"").getBytes(StandardCharsets.UTF_8);
            assertThrows(WebhookVerifier.InvalidWebhookException.class, () -> verifier.verify(delivery.webhookId(),
                    delivery.header("webhook-timestamp"), delivery.header("webhook-signature"), tampered));
            assertThrows(WebhookVerifier.InvalidWebhookException.class, () -> verifier.verify(delivery.webhookId(),
                    delivery.header("webhook-timestamp"), delivery.header("webhook-signature"), body,
                    Instant.now().plusSeconds(600)));
            assertThrows(WebhookVerifier.InvalidWebhookException.class, () -> new WebhookVerifier(
                    "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])).verify(delivery.webhookId(),
                    delivery.header("webhook-timestamp"), delivery.header("webhook-signature"), body));
        }
    }

    @Test
    void theTypeScriptExampleCompilesStrictlyVerifiesARealDeliveryAndRefusesATamperedOne() throws IOException {
        Path out = Path.of("target/webhook-receiver-example").toAbsolutePath();
        NodeTools.Run compile = NodeTools.run("tsc", "--project", EXAMPLES.toString(), "--outDir", out.toString());
        assertEquals(0, compile.exitCode(), "tsc --strict:\n" + compile.output());

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = subscribe(planner(), receiver.url("/typescript"), MISSION_CREATED).getString("secret");
            WebhookReceiver.Received delivery = deliveryOf(receiver);
            Path genuine = saved(out.resolve("genuine.json"), secret, delivery, delivery.body());
            Path tampered = saved(out.resolve("tampered.json"), secret, delivery, delivery.body().replace("\"HT\"", "\"CD\""));

            NodeTools.Run verified = NodeTools.run("node", out.resolve("check-delivery.js").toString(), genuine.toString());
            assertEquals(0, verified.exitCode(), verified.output());
            NodeTools.Run refused = NodeTools.run("node", out.resolve("check-delivery.js").toString(), tampered.toString());
            assertEquals(1, refused.exitCode(), refused.output());
        }
    }

    private static WebhookReceiver.Received deliveryOf(WebhookReceiver receiver) {
        missionCreated(newId());
        await().atMost(EVENTUALLY).until(() -> !receiver.received().isEmpty());
        return receiver.received().get(0);
    }

    private static Path saved(Path file, String secret, WebhookReceiver.Received delivery, String body) throws IOException {
        Map<String, Object> saved = Map.of("secret", secret, "body", body, "headers", Map.of(
                "webhook-id", delivery.webhookId(),
                "webhook-timestamp", delivery.header("webhook-timestamp"),
                "webhook-signature", delivery.header("webhook-signature")));
        Files.writeString(file, new ObjectMapper().writeValueAsString(saved));
        return file;
    }
}
