package ca.cpa.webhook.subscription;

import ca.cpa.webhook.WebhookConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Keeps subscription secrets encrypted at rest: AES-256-GCM with the key of
 * {@code cpa.webhook.secret-key}, a fresh nonce per secret, and the subscription's id as
 * associated data (a secret copied onto another subscription's row does not decrypt).
 * Made at start, so that a service without a usable key does not start.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretBox(WebhookConfig config) {
        String source = config.secretKey().isPresent() ? "cpa.webhook.secret-key (CPA_WEBHOOK_SECRET_KEY)"
                : "the file of cpa.webhook.secret-key-file (CPA_WEBHOOK_SECRET_KEY_FILE)";
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configuredKey(config).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key in " + source + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("the key in " + source + " must be 32 bytes, base64; it has "
                    + bytes.length + " (make one with: openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    private static String configuredKey(WebhookConfig config) {
        if (config.secretKey().isPresent()) {
            return config.secretKey().get();
        }
        Path file = config.secretKeyFile().map(Path::of).orElseThrow(() -> new IllegalStateException(
                "no key to store subscription secrets with: set CPA_WEBHOOK_SECRET_KEY (openssl rand -base64 32), "
                        + "or CPA_WEBHOOK_SECRET_KEY_FILE to a file holding it"));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the key in " + file.toAbsolutePath()
                    + " (CPA_WEBHOOK_SECRET_KEY_FILE; for dev mode ./cpa up --infra makes it): " + e, e);
        }
    }

    public byte[] seal(UUID subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a subscription secret", e);
        }
    }

    public String open(UUID subscriptionId, byte[] sealed) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(sealed, NONCE_BYTES), subscriptionId);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a subscription secret does not decrypt with cpa.webhook.secret-key: "
                    + "was the key changed?", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
