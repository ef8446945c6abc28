package ca.cpa.testing;

import ca.cpa.runtime.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The suite's users as a well-behaved client calls the gateway from many threads: a token
 * per caller, an {@code Idempotency-Key} on every create, and a 502, 503 or 504 tried again
 * after its {@code Retry-After} for up to {@link #PATIENCE} (a replica may be stopping or
 * restarting). Counts every call it makes.
 */
public final class SuiteClient {

    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private final URI url;
    private final DevTokens tokens;
    private final Map<String, String> tokensByCaller = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public SuiteClient(URI url, DevTokens tokens) {
        this.url = url;
        this.tokens = tokens;
    }

    public int calls() {
        return calls.get();
    }

    public int retries() {
        return retries.get();
    }

    /** A create: the same key goes with every attempt, so an attempt that did land is answered again, not doubled. */
    public Response create(String role, String organization, String path, String json) {
        String key = UUID.randomUUID().toString();
        return send(role, organization, spec -> spec.header("Idempotency-Key", key).body(json).post(path));
    }

    public Response post(String role, String path, String json) {
        return send(role, null, spec -> json == null ? spec.post(path) : spec.body(json).post(path));
    }

    /** A JSON merge patch, sent again after a 502, 503 or 504 as every call is: setting a value twice sets it once. */
    public Response patch(String role, String path, String json) {
        return send(role, null, spec -> spec.body(json).patch(path));
    }

    public Response delete(String role, String path) {
        return send(role, null, spec -> spec.delete(path));
    }

    public Response get(String role, String organization, String path) {
        return send(role, organization, spec -> spec.get(path));
    }

    /**
     * Moves a mission request on, as its planner, by {@code step} ({@code assessment},
     * {@code submission}). A retried call that finds the step already taken (its first attempt
     * landed, but the answer was lost) is a 409; the request's status, {@code statusAfter}, tells
     * it apart from a real conflict.
     */
    public void advanceRequest(String request, String step, String json, String statusAfter) {
        Response answer = post("mission-planner", "/api/v1/mission-requests/" + request + "/" + step, json);
        if (answer.statusCode() == 409) {
            assertEquals(statusAfter, get("mission-planner", null, "/api/v1/mission-requests/" + request)
                    .jsonPath().getString("status"), answer.asString());
        } else {
            assertEquals(200, answer.statusCode(), answer.asString());
        }
    }

    /** GETs {@code path} until its body satisfies {@code condition}. */
    public JsonPath getUntil(String role, String organization, String path, Predicate<JsonPath> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Response response = get(role, organization, path);
            if (response.statusCode() == 200 && condition.test(response.jsonPath())) {
                return response.jsonPath();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("GET " + path + " did not reach the expected state: " + response.asString());
            }
            pause(Duration.ofMillis(100));
        }
    }

    private interface Call {
        Response on(RequestSpecification spec);
    }

    private Response send(String role, String organization, Call call) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            calls.incrementAndGet();
            Response response = call.on(given().baseUri(url.toString())
                    .auth().oauth2(token(role, organization))
                    .contentType(ContentType.JSON).accept(ContentType.JSON));
            int status = response.statusCode();
            if ((status != 502 && status != 503 && status != 504) || Instant.now().isAfter(deadline)) {
                return response;
            }
            retries.incrementAndGet();
            String retryAfter = response.header("Retry-After");
            pause(retryAfter == null ? Duration.ofMillis(200) : Duration.ofMillis(Math.min(1000, 1000L * Long.parseLong(retryAfter))));
        }
    }

    private String token(String role, String organization) {
        String caller = organization == null ? role : role + "@" + organization;
        return tokensByCaller.computeIfAbsent(caller, key ->
                tokens.issue("scale-out-" + key, List.of(role), organization, Duration.ofHours(1)));
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
