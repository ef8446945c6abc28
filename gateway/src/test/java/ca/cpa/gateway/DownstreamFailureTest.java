package ca.cpa.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stopped or hanging service: quick problem answers, never a hang, and recovery by itself. */
@QuarkusTest
class DownstreamFailureTest {

    private static final String CALLER = "failure-test";
    /** The configured timeout is 1 s; an answer must come well before a client would give up. */
    private static final long PROMPT_MILLIS = 3000;

    @Test
    void aStoppedServiceIsA503ProblemThenItsCircuitOpensAndTrafficRecoversWhenItReturns() {
        StubService personnel = StubServices.personnel();
        personnel.stop();
        try {
            for (int i = 0; i < 5; i++) {
                Response answer = timed(() -> Callers.as(CALLER).get("/api/v1/officers"));
                answer.then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                        .body("type", equalTo("urn:cpa:problem:downstream-unavailable"))
                        .body("detail", startsWith("personnel-service"));
            }
            // the other services are not affected
            Callers.as(CALLER).get("/api/v1/missions").then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks[0].data", hasEntry(equalTo("personnel-service@localhost:" + personnel.port()),
                            startsWith("DOWN")));
        } finally {
            personnel.start();
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Callers.as(CALLER).get("/api/v1/officers").then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aHangingServiceIsA504ProblemWithinTheTimeoutAndRecoversWhenItAnswersAgain() {
        StubService authorization = StubServices.authorization();
        authorization.hang();
        try {
            Response answer = timed(() -> Callers.as(CALLER).get("/api/v1/authorization-cases"));
            answer.then().statusCode(504).contentType("application/problem+json")
                    .body("type", equalTo("urn:cpa:problem:downstream-timeout"));
            for (int i = 0; i < 3; i++) {
                assertTrue(Callers.as(CALLER).get("/api/v1/authorization-cases").statusCode() >= 503);
            }
            // three failures open the circuit: now the answer is immediate
            long start = System.nanoTime();
            Callers.as(CALLER).get("/api/v1/authorization-cases").then().statusCode(503)
                    .body("type", equalTo("urn:cpa:problem:downstream-unavailable"));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 500, "an open circuit answers at once");
        } finally {
            authorization.answer();
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Callers.as(CALLER).get("/api/v1/authorization-cases").then().statusCode(200));
    }

    @Test
    void callersThatHangUpDoNotOpenTheServicesCircuit() throws Exception {
        StubService authorization = StubServices.authorization();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Callers.as(CALLER).get("/api/v1/authorization-cases").then().statusCode(200));
        authorization.hang();
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 6; i++) {
                HttpRequest impatient = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                + "/api/v1/authorization-cases"))
                        .header("Authorization", "Bearer " + Callers.token(CALLER)).timeout(Duration.ofMillis(200)).build();
                assertThrows(HttpTimeoutException.class, () -> client.send(impatient, HttpResponse.BodyHandlers.ofString()));
            }
        } finally {
            authorization.answer();
        }
        // six abandoned calls, more than the three failures that open the circuit: it is still closed
        Callers.as(CALLER).get("/api/v1/authorization-cases").then().statusCode(200);
    }

    @Test
    void aReplicaThatRefusesConnectionsIsPassedOverForEveryMethodAndReportedDown() {
        // mission-service has two replicas here, one of which is not running
        int before = StubServices.mission().receivedFor("/api/v1/missions").size();
        for (int i = 0; i < 10; i++) {
            Callers.as("replica-test").body("{\"code\": \"R" + i + "\"}").post("/api/v1/missions")
                    .then().statusCode(201);
            Callers.as("replica-test").get("/api/v1/missions").then().statusCode(200);
        }
        assertEquals(before + 20, StubServices.mission().receivedFor("/api/v1/missions").size(),
                "each call reached the running replica exactly once");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].data", hasEntry(equalTo("mission-service@localhost:" + StubServices.missingReplicaPort()),
                        startsWith("DOWN")))
                .body("checks[0].data", hasEntry(equalTo("mission-service@localhost:" + StubServices.mission().port()),
                        equalTo("UP")));
    }

    private static Response timed(java.util.function.Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < PROMPT_MILLIS, "answered in " + millis + " ms");
        assertEquals("application/problem+json", response.contentType());
        return response;
    }
}
