package ca.cpa.testing;

import ca.cpa.runtime.DevTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens for tests, signed with the development key the services trust under test. */
public final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final DevTokens SIGNER = DevTokens.committed();

    private Tokens() {
    }

    /** A token whose subject is named after the role, e.g. {@code test-mission-planner}. */
    public static String of(String role) {
        return SIGNER.issue("test-" + role, List.of(role), null, LIFETIME);
    }

    /** A {@code requesting-partner} acting for {@code organization}. */
    public static String partner(String organization) {
        return SIGNER.issue("partner@" + organization, List.of("requesting-partner"), organization, LIFETIME);
    }

    /** A token naming its caller as {@code subject}, for {@code organization} (may be null). */
    public static String named(String subject, String role, String organization) {
        return SIGNER.issue(subject, List.of(role), organization, LIFETIME);
    }

    /** A token that expires {@code lifetime} from now. */
    public static String lasting(String role, Duration lifetime) {
        return SIGNER.issue("test-" + role, List.of(role), null, lifetime);
    }

    public static String expired(String role) {
        return SIGNER.sign(DevTokens.ISSUER, "test-" + role, List.of(role), null,
                Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
    }

    /** A well-formed token signed with a key nobody trusts. */
    public static String signedByAnUntrustedKey(String role) {
        return DevTokens.untrusted().issue("test-" + role, List.of(role), null, LIFETIME);
    }

    public static String fromAnotherIssuer(String role) {
        return SIGNER.sign("https://impostor.example/issuer", "test-" + role, List.of(role), null,
                Instant.now(), LIFETIME);
    }
}
