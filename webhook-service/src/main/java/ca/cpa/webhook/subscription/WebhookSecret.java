package ca.cpa.webhook.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A subscription's signing secret, as Standard Webhooks writes it: {@code whsec_} and the base64
 * of 32 random bytes. The bytes, not the text, are the HMAC key.
 */
public record WebhookSecret(String text) {

    private static final String PREFIX = "whsec_";
    /** whsec_ and the base64 of 24 to 64 bytes, as Standard Webhooks allows. */
    public static final String PATTERN = "^whsec_[A-Za-z0-9+/]{32,88}={0,2}$";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static WebhookSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
    }

    public byte[] key() {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
