package ca.cpa.testing;

import ca.cpa.runtime.DevTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens for tests, signed with the development key the services trust under test. */
public final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private Tokens() {
    }

    /** A token whose subject is named after the role, e.g. {@code test-mission-planner}. */
    public static String of(String role) {
        return DevTokens.issue("test-" + role, List.of(role), null, LIFETIME);
    }

    /** A {@code requesting-partner} acting for {@code organization}. */
    public static String partner(String organization) {
        return DevTokens.issue("partner@" + organization, List.of("requesting-partner"), organization, LIFETIME);
    }

    public static String expired(String role) {
        return DevTokens.sign(DevTokens.ISSUER, "test-" + role, List.of(role), null,
                Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
    }

    public static String fromAnotherIssuer(String role) {
        return DevTokens.sign("https://impostor.example/issuer", "test-" + role, List.of(role), null,
                Instant.now(), LIFETIME);
    }
}
