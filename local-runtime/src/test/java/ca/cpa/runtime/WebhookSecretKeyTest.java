package ca.cpa.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WebhookSecretKeyTest {

    @TempDir
    Path keys;

    @Test
    void aLocalRunMakesAKeyOnceAndKeepsItForTheNextStartReadableByItsOwnerOnly() throws IOException {
        String first = WebhookSecretKey.of(Map.of(), keys);

        assertEquals(32, Base64.getDecoder().decode(first).length);
        assertEquals(first, WebhookSecretKey.of(Map.of(), keys), "a restart keeps the key its secrets were sealed with");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(WebhookSecretKey.FILE))));
        assertFalse(Files.exists(keys.resolve(WebhookSecretKey.FILE + ".new")));
    }

    @Test
    void aKeyInTheEnvironmentIsUsedAndNoneIsMade() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);

        assertEquals(configured, WebhookSecretKey.of(Map.of(WebhookSecretKey.VARIABLE, configured), keys));
        assertFalse(Files.exists(keys.resolve(WebhookSecretKey.FILE)));
    }
}
