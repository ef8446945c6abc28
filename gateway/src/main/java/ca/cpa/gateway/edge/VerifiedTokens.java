package ca.cpa.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens the gateway has verified, kept until they expire: a caller sends the same token with
 * every call, and checking its RS256 signature each time was most of the gateway's own cost.
 * Only a token that passed every check is kept, under its exact text; at most
 * {@value #CAPACITY} are kept (beyond, the cache starts again empty).
 */
@ApplicationScoped
public class VerifiedTokens {

    static final int CAPACITY = 10_000;

    @Inject
    JWTParser parser;

    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    /** The caller of a valid, unexpired token from the trusted issuer. */
    public JsonWebToken verify(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return known;
        }
        if (known != null) {
            verified.remove(token);
        }
        JsonWebToken parsed = parser.parse(token);
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(token, parsed);
        return parsed;
    }
}
