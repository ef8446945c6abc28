package ca.cpa.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The key webhook-service encrypts its subscriptions' signing secrets with
 * ({@code CPA_WEBHOOK_SECRET_KEY}: base64 of 32 random bytes). A local run makes one at its
 * first start and keeps it beside the signing key, so that the secrets stored by one run still
 * decrypt in the next; a key set in the environment is used instead.
 */
final class WebhookSecretKey {

    static final String VARIABLE = "CPA_WEBHOOK_SECRET_KEY";
    static final String FILE = "webhook-secret-key";
    private static final int BYTES = 32;

    private WebhookSecretKey() {
    }

    /** The environment's key if it sets one; else the one kept in {@code directory}, made there at first use. */
    static String of(Map<String, String> environment, Path directory) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        Path file = directory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                byte[] key = new byte[BYTES];
                new SecureRandom().nextBytes(key);
                // written whole, readable by its owner only, before it takes its name
                Path written = Files.writeString(directory.resolve(FILE + ".new"), Base64.getEncoder().encodeToString(key));
                DevTokens.restrictToOwner(written);
                Files.move(written, file);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep webhook-service's secret key in " + file, e);
        }
    }
}
