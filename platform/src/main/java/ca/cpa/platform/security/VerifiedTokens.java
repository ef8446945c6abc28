package ca.cpa.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the tokens this service has verified until they expire. A calling system sends the same
 * token with every call, and verifying its RS256 signature and parsing its claims each time was
 * the largest part of the event loop's work per request. Only a token that passed every check
 * is kept, under its exact text, so a token differing by one character is verified afresh; the
 * least recently used give way beyond {@code cpa.security.verified-tokens} entries.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    private final JWTParser parser;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokens(@Delegate @Any JWTParser parser,
                   @ConfigProperty(name = "cpa.security.verified-tokens", defaultValue = "1000") int capacity) {
        this.parser = parser;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfter(untilTheTokenExpires()).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken parsed = parser.parse(token);
        verified.put(token, parsed);
        return parsed;
    }

    private static Expiry<String, JsonWebToken> untilTheTokenExpires() {
        return Expiry.creating((token, verified) -> {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(verified.getExpirationTime()));
            return left.isNegative() ? Duration.ZERO : left;
        });
    }
}
