package ca.cpa.gateway.edge;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    /** The tokens the parser was asked to verify, in order. */
    private final List<String> verifications = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker clock = nanos::get;
    /** The expiry, in epoch seconds, of the tokens the parser verifies; negative: it refuses them. */
    private long expiresAt = now() + 3600;

    @Test
    void aTokenIsVerifiedOnceWhileItIsValidAndAgainOnceItHasExpired() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(parser(), 10, clock);
        expiresAt = now() + 60;
        JsonWebToken first = tokens.verify("token-a");
        assertSame(first, tokens.verify("token-a"));
        later(Duration.ofSeconds(30));
        assertSame(first, tokens.verify("token-a"));
        assertEquals(List.of("token-a"), verifications);

        later(Duration.ofSeconds(31));
        tokens.verify("token-a");
        assertEquals(List.of("token-a", "token-a"), verifications, "a token is kept no longer than its exp");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromWhatWasKept() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(parser(), 10, clock);
        expiresAt = now() - 1;
        tokens.verify("token-b");
        tokens.verify("token-b");
        assertEquals(List.of("token-b", "token-b"), verifications);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(parser(), 10, clock);
        expiresAt = -1; // the parser refuses
        assertThrows(ParseException.class, () -> tokens.verify("forged"));
        assertThrows(ParseException.class, () -> tokens.verify("forged"));
        assertEquals(List.of("forged", "forged"), verifications);
    }

    @Test
    void beyondItsCapacityTheTokenLeastRecentlyUsedGivesWay() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(parser(), 3, clock);
        tokens.verify("a");
        tokens.verify("b");
        tokens.verify("c");
        tokens.verify("a");
        tokens.verify("c");
        tokens.verify("d");
        assertEquals(3, tokens.size());
        tokens.verify("a");
        tokens.verify("c");
        tokens.verify("d");
        assertEquals(List.of("a", "b", "c", "d"), verifications, "the tokens used since were kept");
        tokens.verify("b");
        assertEquals(List.of("a", "b", "c", "d", "b"), verifications, "the token not used since gave way");

        for (int caller = 0; caller < 100; caller++) {
            tokens.verify("caller-" + caller);
        }
        assertEquals(3, tokens.size());
    }

    private JWTParser parser() {
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, arguments) -> {
                    verifications.add((String) arguments[0]);
                    if (expiresAt < 0) {
                        throw new ParseException("refused");
                    }
                    long expiry = expiresAt;
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JsonWebToken.class},
                            (token, called, none) -> called.getName().equals("getExpirationTime") ? expiry : null);
                });
    }

    private void later(Duration elapsed) {
        nanos.addAndGet(elapsed.toNanos());
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
