package ca.cpa.webhook.delivery;

import ca.cpa.webhook.subscription.WebhookSecret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignatureTest {

    /** The example of the Standard Webhooks specification's reference libraries. */
    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        byte[] key = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").key();
        String signature = Signature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void withTwoSecretsTheHeaderCarriesBothSignatures() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] first = WebhookSecret.generate().key();
        byte[] second = WebhookSecret.generate().key();
        assertEquals(Signature.sign(first, "id", 1, body) + " " + Signature.sign(second, "id", 1, body),
                Signature.header(List.of(first, second), "id", 1, body));
    }
}
