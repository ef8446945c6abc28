package ca.cpa.runtime;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signed JWTs for local runs and tests. The services trust the committed development key in
 * their test profile; {@code ./cpa up} generates a key pair of its own in the data directory
 * and makes the processes it starts trust that one, which the services' dev profile (Quarkus
 * dev mode) trusts too. A real deployment trusts its identity provider's key and never either of these.
 */
public final class DevTokens {

    public static final String ISSUER = "https://cpa.local/dev-issuer";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final PrivateKey key;

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    /** The committed development key, which the services trust under test. */
    public static DevTokens committed() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/cpa-dev-keys/" + PRIVATE_KEY_FILE)) {
            return new DevTokens(readPrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The key pair kept in {@code directory}, generated there at first use: the private half
     * readable by its owner only, the public half for the services to trust.
     */
    public static DevTokens inDirectory(Path directory) {
        Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
        try {
            if (!Files.exists(privateKey)) {
                Files.createDirectories(directory);
                KeyPair pair = newKeyPair();
                Path written = Files.writeString(directory.resolve(PRIVATE_KEY_FILE + ".new"),
                        pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                restrictToOwner(written);
                Files.writeString(directory.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.move(written, privateKey);
            }
            return new DevTokens(readPrivateKey(Files.readString(privateKey)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key nobody trusts: for tests of tokens with a bad signature. */
    public static DevTokens untrusted() {
        return new DevTokens(newKeyPair().getPrivate());
    }

    /** A token for {@code subject} holding {@code roles}, valid for {@code lifetime}. */
    public String issue(String subject, List<String> roles, String organization, Duration lifetime) {
        return sign(ISSUER, subject, roles, organization, Instant.now(), lifetime);
    }

    /** A token with every field chosen, including a wrong issuer or a past expiry, for tests. */
    public String sign(String issuer, String subject, List<String> roles, String organization,
                       Instant issuedAt, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
        claims.setStringListClaim("groups", roles);
        if (organization != null) {
            claims.setClaim("org", organization);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a development key pair", e);
        }
    }

    private static PrivateKey readPrivateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the development private key is unreadable", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Makes {@code file} readable and writable by its owner only (the private key, and {@link WebhookSecretKey}'s). */
    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the data directory's own protection applies
        }
    }
}
