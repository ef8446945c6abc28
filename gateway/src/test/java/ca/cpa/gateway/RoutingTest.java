package ca.cpa.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RoutingTest {

    private static final String CALLER = "routing-test";

    @Test
    void eachPathGoesToTheServiceOfItsPrefixWithItsQueryUnchanged() {
        String marker = UUID.randomUUID().toString();
        Callers.as(CALLER).get("/api/v1/mission-requests/" + marker + "?status=SUBMITTED&page=2")
                .then().statusCode(200)
                .body("service", equalTo("mission-service"))
                .body("uri", equalTo("/api/v1/mission-requests/" + marker + "?status=SUBMITTED&page=2"));
        Callers.as(CALLER).get("/api/v1/enrolments/" + marker).then().statusCode(200)
                .body("service", equalTo("personnel-service"));
        Callers.as(CALLER).get("/api/v1/ministerial-authorizations?missionId=" + marker).then().statusCode(200)
                .body("service", equalTo("authorization-service"));
        Callers.as(CALLER).get("/api/v1/missions").then().statusCode(200).body("service", equalTo("mission-service"));
        Callers.as(CALLER).get("/api/v1/reports/program.csv").then().statusCode(200)
                .body("service", equalTo("reporting-service"));
        Callers.as(CALLER).get("/api/v1/history/imports/" + marker).then().statusCode(200)
                .body("service", equalTo("reporting-service"));
        Callers.as(CALLER).get("/api/v1/webhook-subscriptions?status=ACTIVE").then().statusCode(200)
                .body("service", equalTo("webhook-service"))
                .body("uri", equalTo("/api/v1/webhook-subscriptions?status=ACTIVE"));
        Callers.as(CALLER).post("/api/v1/webhook-subscriptions/" + marker + "/deliveries/" + marker + "/retry")
                .then().statusCode(201).body("service", equalTo("webhook-service"));
    }

    @Test
    void statusHeadersBodyAndLocationPassThrough() {
        String body = "{\"code\": \"PROTEUS\"}";
        Callers.as(CALLER).body(body).post("/api/v1/missions")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/missions/created-id"))
                .header("ETag", "\"0\"")
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(body.length()));
        Callers.as(CALLER).get("/api/v1/officers/teapot")
                .then().statusCode(418).header("X-Stub", "short and stout");
        StubService.Received received = StubServices.mission().receivedFor("/api/v1/missions").stream()
                .filter(r -> r.method().equals("POST")).reduce((first, last) -> last).orElseThrow();
        assertTrue(received.headers().get("Authorization").startsWith("Bearer "), "the services verify the token again");
        assertEquals("application/json", received.headers().get("Content-Type"));
        // the service builds its links from what the caller called
        assertEquals("localhost:" + io.restassured.RestAssured.port, received.headers().get("X-Forwarded-Host"));
        assertEquals("http", received.headers().get("X-Forwarded-Proto"));
        assertEquals("127.0.0.1", received.headers().get("X-Forwarded-For"));
    }

    @Test
    void aConditionalReadPassesThroughAndItsNotModifiedComesBackWithoutABody() {
        String marker = UUID.randomUUID().toString();
        for (int read = 0; read < 3; read++) { // on the connections kept for the next calls, too
            String answer = Callers.as(CALLER).header("If-None-Match", "W/\"7\"").get("/api/v1/missions/" + marker)
                    .then().statusCode(304).header("ETag", "W/\"7\"").extract().asString();
            assertEquals("", answer);
            Callers.as(CALLER).get("/api/v1/missions/" + marker).then().statusCode(200)
                    .body("uri", equalTo("/api/v1/missions/" + marker));
        }
        StubService.Received received = StubServices.mission().receivedFor("/api/v1/missions/" + marker).get(0);
        assertEquals("W/\"7\"", received.headers().get("If-None-Match"));
    }

    @Test
    void whatACallerClaimsInXForwardedHeadersNeverReachesAService() {
        String marker = UUID.randomUUID().toString();
        Callers.as(CALLER)
                .header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7")
                .get("/api/v1/missions/" + marker)
                .then().statusCode(200);
        StubService.Received received = StubServices.mission().receivedFor("/api/v1/missions/" + marker).get(0);
        // nothing is in front of the gateway here: what it forwards is what it saw itself
        assertEquals("localhost:" + io.restassured.RestAssured.port, received.headers().get("X-Forwarded-Host"));
        assertEquals("http", received.headers().get("X-Forwarded-Proto"));
        assertEquals("127.0.0.1", received.headers().get("X-Forwarded-For"));
    }

    @Test
    void aPathNoServiceServesIsANotFoundProblemAndReachesNoService() {
        int before = StubServices.mission().received().size();
        for (String path : new String[]{"/api/v1/unknown", "/api/v1/missions-archive", "/api/v2/missions"}) {
            Callers.as(CALLER).get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:cpa:problem:not-found"))
                    .body("instance", equalTo(path));
        }
        assertEquals(before, StubServices.mission().received().size());
    }
}
