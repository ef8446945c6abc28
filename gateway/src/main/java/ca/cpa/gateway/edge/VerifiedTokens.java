package ca.cpa.gateway.edge;

import ca.cpa.gateway.GatewayConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * Tokens the gateway has verified, each kept until it expires and no longer: a caller sends the
 * same token with every call, and checking its RS256 signature each time was most of the
 * gateway's own cost. Only a token that passed every check is kept, under its exact text. At
 * most {@code cpa.gateway.verified-tokens} are kept; beyond, those least recently used give way
 * (Caffeine's eviction, which also weighs how often each was used), one at a time.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final JWTParser parser;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokens(JWTParser parser, GatewayConfig config) {
        this(parser, config.verifiedTokens(), Ticker.systemTicker());
    }

    VerifiedTokens(JWTParser parser, int capacity, Ticker ticker) {
        this.parser = parser;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(untilTheTokenExpires())
                .ticker(ticker)
                // evicted at once by the caller's thread (microseconds), so the bound holds at every moment
                .executor(Runnable::run)
                .build();
    }

    /** The caller of a valid, unexpired token from the trusted issuer. */
    public JsonWebToken verify(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken parsed = parser.parse(token);
        verified.put(token, parsed);
        return parsed;
    }

    /** How many tokens are kept now. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static Expiry<String, JsonWebToken> untilTheTokenExpires() {
        return Expiry.creating((token, caller) -> {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(caller.getExpirationTime()));
            return left.isNegative() ? Duration.ZERO : left;
        });
    }
}
