package ca.cpa.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private long expiresAt;

    @Test
    void aTokenIsVerifiedOnceWhileItIsValidAndAgainOnceItHasExpired() throws ParseException {
        VerifiedTokens tokens = withParser();
        expiresAt = now() + 60;
        JsonWebToken first = tokens.verify("token-a");
        assertSame(first, tokens.verify("token-a"));
        assertEquals(1, verifications.get());

        expiresAt = now() - 1;
        tokens.verify("token-b");
        tokens.verify("token-b");
        assertEquals(3, verifications.get(), "an expired token is never answered from what was kept");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() {
        VerifiedTokens tokens = withParser();
        expiresAt = -1; // the parser refuses
        assertThrows(ParseException.class, () -> tokens.verify("forged"));
        assertThrows(ParseException.class, () -> tokens.verify("forged"));
        assertEquals(2, verifications.get());
    }

    private VerifiedTokens withParser() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.parser = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, arguments) -> {
                    verifications.incrementAndGet();
                    if (expiresAt < 0) {
                        throw new ParseException("refused");
                    }
                    long expiry = expiresAt;
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JsonWebToken.class},
                            (token, called, none) -> called.getName().equals("getExpirationTime") ? expiry : null);
                });
        return tokens;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
