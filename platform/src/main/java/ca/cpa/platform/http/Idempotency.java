package ca.cpa.platform.http;

import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Creates and state transitions that a client may safely send again: with an
 * {@code Idempotency-Key}, the first request acts and its response is kept; the same key and
 * body again get that response and change nothing; the same key with another body is a 422.
 * The key is claimed in the request's own transaction, so two copies sent at once wait for
 * each other instead of acting twice.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /**
     * What a create made: where it is, its version, and its representation (answered 201).
     * {@code keptBody} is what a replay answers: the same, unless the first answer shows
     * something once (a secret) that must not be kept in the clear.
     */
    public record Created(URI location, long version, Object body, Object keptBody) {

        public Created(URI location, long version, Object body) {
            this(location, version, body, body);
        }
    }

    /**
     * What a transition made of a resource: its new version and representation (answered 200);
     * {@code keptBody} is what a replay answers, as for {@link Created}.
     */
    public record Changed(long version, Object body, Object keptBody) {

        public Changed(long version, Object body) {
            this(version, body, body);
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Caller caller;

    /**
     * @param key the client's Idempotency-Key, or null for a plain create
     * @param operation names the operation, so one key may serve different operations
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response create(String key, String operation, Object request, Supplier<Created> create) {
        return once(key, operation, request, () -> {
            Created result = create.get();
            return new Answer(201, result.location(), result.version(), result.body(), result.keptBody());
        });
    }

    /**
     * @param key the client's Idempotency-Key, or null for a plain transition
     * @param operation names the operation and the resource it changes
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response change(String key, String operation, Object request, Supplier<Changed> change) {
        return once(key, operation, request, () -> {
            Changed result = change.get();
            return new Answer(200, null, result.version(), result.body(), result.keptBody());
        });
    }

    /** A response as kept for a replay. */
    private record Answer(int status, URI location, long version, Object body, Object keptBody) {
    }

    private Response once(String key, String operation, Object request, Supplier<Answer> act) {
        if (key == null) {
            return respond(act.get());
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "problem.field.idempotency-key");
        }
        String scope = caller.subject() + " " + operation;
        String fingerprint = fingerprint(request);
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, created_at)
                        VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, fingerprint)
                .executeUpdate();
        if (claimed == 1) {
            Answer result = act.get();
            entityManager.createNativeQuery("""
                            UPDATE idempotency_key SET status = ?3, location = ?4, version = ?5, body = ?6
                            WHERE scope = ?1 AND idempotency_key = ?2""")
                    .setParameter(1, scope).setParameter(2, key)
                    .setParameter(3, result.status())
                    .setParameter(4, result.location() == null ? null : result.location().toString())
                    .setParameter(5, result.version())
                    .setParameter(6, json(result.keptBody()))
                    .executeUpdate();
            return respond(result);
        }
        Object[] first = (Object[]) entityManager.createNativeQuery("""
                        SELECT fingerprint, status, location, version, body FROM idempotency_key
                        WHERE scope = ?1 AND idempotency_key = ?2""")
                .setParameter(1, scope).setParameter(2, key)
                .getSingleResult();
        if (!fingerprint.equals(first[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "problem.idempotency-key-reused.detail");
        }
        return Response.status(((Number) first[1]).intValue())
                .location(first[2] == null ? null : URI.create((String) first[2]))
                .tag(ETags.of(((Number) first[3]).longValue()))
                .header(REPLAYED_HEADER, "true")
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .entity(first[4])
                .build();
    }

    private static Response respond(Answer answer) {
        return Response.status(answer.status()).location(answer.location()).tag(ETags.of(answer.version()))
                .entity(answer.body()).build();
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
