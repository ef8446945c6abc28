package ca.cpa.gateway;

import ca.cpa.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the gateway refuses or adds before a request reaches a service. */
@QuarkusTest
class EdgeTest {

    @Test
    void aRequestWithoutAValidTokenIsA401ProblemAndNeverReachesAService() {
        String marker = "/api/v1/missions/" + UUID.randomUUID();
        List<Response> answers = List.of(
                given().get(marker),
                given().header("Authorization", "Basic dXNlcjpwYXNz").get(marker),
                given().auth().oauth2("not.a.jwt").get(marker),
                given().auth().oauth2(Tokens.signedByAnUntrustedKey("mission-planner")).get(marker),
                given().auth().oauth2(Tokens.fromAnotherIssuer("mission-planner")).get(marker),
                given().auth().oauth2(Tokens.expired("mission-planner")).get(marker));
        for (Response answer : answers) {
            answer.then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("urn:cpa:problem:unauthenticated"))
                    .body("status", equalTo(401));
        }
        assertTrue(StubServices.mission().receivedFor(marker).isEmpty());
    }

    @Test
    void problemsAreInFrenchWhenTheCallerPrefersIt() {
        given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("/api/v1/missions")
                .then().statusCode(401).header("Content-Language", "fr")
                .body("title", equalTo("Authentification requise"));
    }

    @Test
    void aCallerOverTheRateLimitGets429WithRetryAfterAndOthersAreNotSlowed() {
        String caller = "rate-limit-test-" + UUID.randomUUID();
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Response response = Callers.as(caller).get("/api/v1/missions");
            statuses.add(response.statusCode());
            remaining.add(Integer.parseInt(response.header("RateLimit-Remaining")));
            if (response.statusCode() == 429 && limited == null) {
                limited = response;
            }
        }
        assertTrue(statuses.subList(0, 20).stream().allMatch(status -> status == 200), statuses.toString());
        assertTrue(statuses.contains(429), statuses.toString());
        // every answer, the services' 200s included, tells the caller where it stands
        assertTrue(remaining.get(0) > remaining.get(10) && remaining.get(10) >= 0, remaining.toString());
        Callers.as(caller).get("/api/v1/missions").then()
                .header("RateLimit-Limit", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Reset", matchesPattern("[0-9]+"));
        limited.then().contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:cpa:problem:rate-limited"));

        Callers.as("rate-limit-bystander").get("/api/v1/missions").then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIs413AndReachesNoService() throws Exception {
        String tooLarge = "{\"justification\": \"" + "x".repeat(2000) + "\"}";
        int before = StubServices.mission().receivedFor("/api/v1/mission-requests").size();
        Callers.as("body-limit-test").body(tooLarge).post("/api/v1/mission-requests")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cpa:problem:payload-too-large"));
        assertEquals(before, StubServices.mission().receivedFor("/api/v1/mission-requests").size());

        // Without a Content-Length (chunked, or HTTP/2), the limit is kept while the body streams.
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> streamed = HttpClient.newBuilder().version(version).build().send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + RestAssured.port + "/api/v1/mission-requests"))
                            .header("Authorization", "Bearer " + Callers.token("body-limit-test"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge.getBytes())))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, streamed.statusCode(), version + ": " + streamed.body());
            assertTrue(streamed.body().contains("urn:cpa:problem:payload-too-large"));
        }
        assertEquals(before, StubServices.mission().receivedFor("/api/v1/mission-requests").size());

        Callers.as("body-limit-test").body("{\"justification\": \"short\"}").post("/api/v1/mission-requests")
                .then().statusCode(201);
    }

    /**
     * A history import is a file of 10 MB or more, and the service imports it before it answers:
     * reporting-service has its own body limit (16M here, 1K for the others) and timeout (5 s
     * here, 1 s for the others), and the file is streamed through whether its length is declared
     * or not.
     */
    @Test
    void aLargeFileStreamsThroughToTheServiceOfItsOwnLimitAndTimeout() throws Exception {
        byte[] file = csv(15 * 1024 * 1024);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int before = StubServices.reporting().receivedFor("/api/v1/history/imports").size();

        HttpResponse<String> declared = http.send(historyImport(HttpRequest.BodyPublishers.ofByteArray(file))
                .header(StubService.DELAY_HEADER, "2000").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, declared.statusCode(), declared.body());
        assertTrue(declared.body().contains("\"bodyBytes\":" + file.length), declared.body());

        HttpResponse<String> streamed = http.send(historyImport(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(file))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, streamed.statusCode(), streamed.body());
        assertTrue(streamed.body().contains("\"bodyBytes\":" + file.length), streamed.body());

        byte[] tooLarge = csv(17 * 1024 * 1024);
        HttpResponse<String> refused = http.send(historyImport(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(tooLarge))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("urn:cpa:problem:payload-too-large"), refused.body());

        List<StubService.Received> received = StubServices.reporting().receivedFor("/api/v1/history/imports");
        assertEquals(before + 2, received.size(), "the two files within the limit reached the service, once each");
        assertTrue(received.subList(before, received.size()).stream().allMatch(r -> r.bodyBytes() == file.length
                && "text/csv".equals(r.headers().get("Content-Type"))), received.toString());
    }

    private static HttpRequest.Builder historyImport(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/history/imports"))
                .header("Authorization", "Bearer " + Callers.token("history-import-test"))
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofSeconds(60))
                .POST(body);
    }

    /** A history file of about {@code bytes} bytes: a header and rows of the import's columns. */
    private static byte[] csv(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 200).append(
                "missionCode,missionName,hostCountry,partnerOrganization,policeServiceCode,officerRef,memberType,startDate,endDate\n");
        for (int row = 0; text.length() < bytes; row++) {
            text.append("MINUSTAH,United Nations Stabilization Mission in Haiti,HT,United Nations,RCMP,H-")
                    .append(row).append(",SWORN_OFFICER,2005-03-01,2006-03-01\n");
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void everyAnswerCarriesARequestIdThatTheServiceSawToo() {
        String generated = Callers.as("tracing-test").get("/api/v1/missions")
                .then().statusCode(200).header("X-Request-Id", notNullValue())
                .extract().header("X-Request-Id");
        Callers.as("tracing-test").get("/api/v1/missions").then().header("X-Request-Id", not(equalTo(generated)));
        Callers.as("tracing-test").header("X-Request-Id", "client-chosen-42").get("/api/v1/missions")
                .then().header("X-Request-Id", "client-chosen-42").body("requestId", equalTo("client-chosen-42"));
        given().get("/api/v1/missions").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void theTraceOfTheCallerContinuesToTheServiceAndANewOneStartsOtherwise() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String passedOn = Callers.as("tracing-test")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/missions").then().statusCode(200).extract().path("traceparent");
        assertTrue(passedOn.matches("00-" + traceId + "-[0-9a-f]{16}-01"), passedOn);
        assertNotEquals("00-" + traceId + "-00f067aa0ba902b7-01", passedOn, "the gateway is a hop of its own");

        String started = Callers.as("tracing-test").get("/api/v1/missions").then().extract().path("traceparent");
        assertTrue(started.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), started);
    }

    @Test
    void browsersOfTheConfiguredOriginsMayCallAndReadTheHeadersTheyNeed() {
        given().header("Origin", "https://frontend.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,Idempotency-Key")
                .options("/api/v1/mission-requests")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://frontend.example")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        Callers.as("cors-test").header("Origin", "https://frontend.example").get("/api/v1/missions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://frontend.example")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/mission-requests")
                .then().header("Access-Control-Allow-Origin", not(equalTo("https://elsewhere.example")));
    }
}
