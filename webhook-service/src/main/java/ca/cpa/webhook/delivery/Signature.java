package ca.cpa.webhook.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 of the HMAC-SHA256 of
 * {@code id.timestamp.body} with the secret's bytes. With several secrets (a rotation's
 * overlap) the header holds one signature per secret, separated by spaces.
 */
public final class Signature {

    private Signature() {
    }

    public static String header(List<byte[]> keys, String webhookId, long timestamp, byte[] body) {
        return keys.stream().map(key -> sign(key, webhookId, timestamp, body)).collect(Collectors.joining(" "));
    }

    public static String sign(byte[] key, String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
