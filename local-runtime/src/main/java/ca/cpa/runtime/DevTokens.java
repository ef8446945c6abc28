package ca.cpa.runtime;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signed JWTs for local runs and tests, with the development key pair whose public half the
 * services trust in their dev and test profiles. A real deployment trusts its identity
 * provider's key instead and never this one.
 */
public final class DevTokens {

    public static final String ISSUER = "https://cpa.local/dev-issuer";

    private static final PrivateKey KEY = loadPrivateKey();

    private DevTokens() {
    }

    /** A token for {@code subject} holding {@code roles}, valid for {@code lifetime}. */
    public static String issue(String subject, List<String> roles, String organization, Duration lifetime) {
        return sign(ISSUER, subject, roles, organization, Instant.now(), lifetime);
    }

    /** A token with every field chosen, including a wrong issuer or a past expiry, for tests. */
    public static String sign(String issuer, String subject, List<String> roles, String organization,
                              Instant issuedAt, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
        claims.setStringListClaim("groups", roles);
        if (organization != null) {
            claims.setClaim("org", organization);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static PrivateKey loadPrivateKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/cpa-dev-keys/jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development private key is unreadable", e);
        }
    }
}
