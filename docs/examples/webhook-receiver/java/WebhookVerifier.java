package ca.cpa.examples.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks a CPA webhook delivery (Standard Webhooks) before anything else is done with it:
 * the signature over {@code webhook-id.webhook-timestamp.body} with the subscription's secret,
 * and a timestamp within five minutes of this clock. Needs only the JDK.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(System.getenv("CPA_WEBHOOK_SECRET"));
 * verifier.verify(headers.get("webhook-id"), headers.get("webhook-timestamp"),
 *         headers.get("webhook-signature"), rawBody);   // the body's bytes as received
 * // then: drop it if webhook-id was processed before; else process it and answer 2xx quickly
 * }</pre>
 */
public final class WebhookVerifier {

    private static final String SECRET_PREFIX = "whsec_";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    /** @param secret the subscription's secret, {@code whsec_...} */
    public WebhookVerifier(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a CPA webhook secret starts with " + SECRET_PREFIX);
        }
        this.key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    /** @throws InvalidWebhookException when the delivery is not one the secret's owner sent, or is stale */
    public void verify(String id, String timestamp, String signatureHeader, byte[] body) {
        verify(id, timestamp, signatureHeader, body, Instant.now());
    }

    public void verify(String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            throw new InvalidWebhookException("webhook-id, webhook-timestamp and webhook-signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException("webhook-timestamp is not a number of seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            throw new InvalidWebhookException("webhook-timestamp is more than 5 minutes from now: a replay?");
        }
        byte[] expected = sign(id + "." + timestamp + ".", body);
        // During a secret rotation the header holds two signatures: one match is enough.
        for (String signature : signatureHeader.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, decode(signature.substring(3)))) {
                return;
            }
        }
        throw new InvalidWebhookException("no signature matches the secret");
    }

    private byte[] sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** The delivery must be refused (answer 401 and do nothing). */
    public static final class InvalidWebhookException extends RuntimeException {
        public InvalidWebhookException(String message) {
            super(message);
        }
    }
}
