package ca.cpa.gateway;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service closes the connections the gateway keeps for the next call: after an answer (with
 * or without saying so), after refusing a body it did not read, when one stays idle longer than
 * the service allows, or as a request arrives. No call gets a 5xx for it; a call is sent again
 * only when the caller might have sent it twice itself.
 */
@QuarkusTest
class ClosedConnectionTest {

    private static final int WORKERS = 8;
    private static final int CALLS_PER_WORKER = 60;
    private static final String OFFICERS = "/api/v1/officers";
    private static final String REPORT = "/api/v1/reports/program";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Test
    void aServiceClosingConnectionsUnderConcurrentLoadCostsNoCallA5xx() throws Exception {
        int before = StubServices.personnel().receivedFor(OFFICERS).size();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<List<String>>> outcomes = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            outcomes.add(workers.submit(() -> load(worker)));
        }
        Map<String, Integer> counts = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Future<List<String>> outcome : outcomes) {
            for (String call : outcome.get()) {
                counts.merge(call.substring(call.indexOf(" -> ") + 4), 1, Integer::sum);
                if (!call.endsWith("(as expected)")) {
                    unexpected.add(call);
                }
            }
        }
        workers.shutdown();
        long fiveXx = unexpected.stream().filter(call -> call.matches(".* -> 5\\d\\d.*")).count();
        System.out.printf("closed connections: %d calls, %d 5xx, %s%n", WORKERS * CALLS_PER_WORKER, fiveXx, counts);
        assertEquals(List.of(), unexpected.stream().limit(20).toList(), unexpected.size() + " unexpected answers");
        int received = StubServices.personnel().receivedFor(OFFICERS).size() - before;
        assertTrue(received >= WORKERS * CALLS_PER_WORKER, "every call reached the service, some twice: " + received);
    }

    /** One worker's calls, each described as "what -> status (as expected)" or otherwise. */
    private List<String> load(int worker) throws Exception {
        Random random = new Random(worker);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_WORKER; i++) {
            // a caller of its own every ten calls, so that none is rate limited
            String token = tokens.computeIfAbsent("closing-" + worker + "-" + i / 10, Callers::token);
            HttpRequest.Builder call = HttpRequest.newBuilder().header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30));
            String what;
            int expected;
            switch (i % 6) {
                case 0 -> {
                    what = "GET, closed after the answer";
                    expected = 200;
                    call.uri(gateway(OFFICERS)).header(StubService.CLOSE_HEADER, StubService.Close.AFTER_ANSWER.header());
                }
                case 1 -> {
                    what = "GET, answered with Connection: close";
                    expected = 200;
                    call.uri(gateway(OFFICERS)).header(StubService.CLOSE_HEADER, StubService.Close.ANNOUNCED.header());
                }
                case 2 -> {
                    what = "POST of XML with an Idempotency-Key, refused unread and closed";
                    expected = 415;
                    call.uri(gateway(OFFICERS)).header(StubService.CLOSE_HEADER, StubService.Close.REFUSE_UNREAD.header())
                            .header("Content-Type", "application/xml").header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("<officer><name>Lavoie</name></officer>"));
                }
                case 3 -> {
                    what = "POST with an Idempotency-Key";
                    expected = 201;
                    call.uri(gateway(OFFICERS)).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"familyName\": \"Lavoie\"}"));
                }
                case 4 -> {
                    what = "GET, its connection closed when idle for 10 ms";
                    expected = 200;
                    call.uri(gateway(OFFICERS)).header(StubService.IDLE_CLOSE_HEADER, "10");
                }
                default -> {
                    what = "DELETE";
                    expected = 200;
                    call.uri(gateway(OFFICERS + "/" + UUID.randomUUID())).DELETE();
                }
            }
            try {
                HttpResponse<String> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofString());
                calls.add(what + " -> " + answer.statusCode()
                        + (answer.statusCode() == expected ? " (as expected)" : " " + answer.body()));
            } catch (java.io.IOException broken) {
                calls.add(what + " -> no answer: " + broken);
            }
            // idle gaps around the service's idle timeout, so that calls meet connections it is closing
            Thread.sleep(random.nextInt(20));
        }
        return calls;
    }

    @Test
    void aCallWhoseKeptConnectionIsClosedBeforeTheAnswerIsSentAgainWhenTheCallerMaySendItTwice() {
        String get = keptConnectionClosedOn(Callers.as("closing-get"), "GET", null).then().statusCode(200)
                .extract().header("X-Request-Id");
        assertEquals(2, receivedWithRequestId(get).size(), "a GET is sent again");

        String body = "{\"programYear\": 2026, \"note\": \"" + "x".repeat(2000) + "\"}";
        String keyed = keptConnectionClosedOn(Callers.as("closing-post").header("Idempotency-Key", UUID.randomUUID().toString()),
                "POST", body).then().statusCode(201).body("bodyBytes", equalTo(body.length()))
                .extract().header("X-Request-Id");
        List<StubService.Received> received = receivedWithRequestId(keyed);
        assertEquals(2, received.size(), "a POST with an Idempotency-Key is sent again");
        assertTrue(received.stream().allMatch(r -> r.bodyBytes() == body.length()), "with its whole body: " + received);
    }

    @Test
    void aPostTheCallerMayNotSendTwiceIsNotSentAgainAndTheReplicaIsNotCountedAsFailing() {
        // more than the three failures that open a circuit here
        for (int i = 0; i < 4; i++) {
            String requestId = keptConnectionClosedOn(Callers.as("closing-post-once"), "POST", "{\"programYear\": 2026}")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("type", equalTo("urn:cpa:problem:downstream-unavailable"))
                    .body("detail", startsWith("reporting-service closed the connection before it answered"))
                    .extract().header("X-Request-Id");
            assertEquals(1, receivedWithRequestId(requestId).size(), "it may have been carried out: it is not sent again");
        }
        String large = "{\"note\": \"" + "x".repeat(100 * 1024) + "\"}";
        String requestId = keptConnectionClosedOn(Callers.as("closing-post-once").header("Idempotency-Key", UUID.randomUUID().toString()),
                "POST", large).then().statusCode(503).extract().header("X-Request-Id");
        assertEquals(1, receivedWithRequestId(requestId).size(), "a body too large to be kept is not sent again");
        // a closed kept connection is no failure of the replica: its circuit stayed closed
        Callers.as("closing-post-once").get(REPORT).then().statusCode(200);
    }

    @Test
    void theCallerDoesNotSeeHowTheServiceTreatsItsConnectionToTheGateway() {
        Callers.as("closing-announced").header(StubService.CLOSE_HEADER, StubService.Close.ANNOUNCED.header())
                .get(REPORT).then().statusCode(200).header("Connection", nullValue());
    }

    /**
     * Sends a call that reporting-service reads, then closes its connection without answering
     * (the first time only), on a connection the gateway kept from an earlier call.
     */
    private static io.restassured.response.Response keptConnectionClosedOn(io.restassured.specification.RequestSpecification call,
                                                                            String method, String body) {
        Callers.as("closing-warm-up").get(REPORT).then().statusCode(200);
        call.header("X-Request-Id", UUID.randomUUID().toString())
                .header(StubService.CLOSE_HEADER, StubService.Close.FIRST_WITHOUT_ANSWER.header());
        if (body != null) {
            call.body(body);
        }
        return call.request(method, REPORT);
    }

    private static List<StubService.Received> receivedWithRequestId(String requestId) {
        return StubServices.reporting().received().stream()
                .filter(r -> requestId.equals(r.headers().get("X-Request-Id"))).toList();
    }

    private static URI gateway(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }
}
