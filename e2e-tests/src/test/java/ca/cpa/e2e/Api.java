package ca.cpa.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.ThrowingRunnable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Calls through the gateway with tokens of the suite's own key, and waiting for events by polling. */
final class Api {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Api() {
    }

    static RequestSpecification as(String role) {
        return withToken(RunningSuite.suite().tokens().issue("e2e-" + role, List.of(role), null, Duration.ofHours(1)));
    }

    static RequestSpecification partner(String organization) {
        return withToken(RunningSuite.suite().tokens().issue("e2e-partner@" + organization,
                List.of("requesting-partner"), organization, Duration.ofHours(1)));
    }

    static RequestSpecification approver(String partner) {
        return as(partner.toLowerCase() + "-approver");
    }

    private static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String created(ValidatableResponse response) {
        return response.statusCode(201).extract().path("id");
    }

    /** Polls until {@code assertion} holds: events take a moment to travel between services. */
    static void eventually(ThrowingRunnable assertion) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
    }

    /** A code no earlier run has used, for data that must be unique. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
