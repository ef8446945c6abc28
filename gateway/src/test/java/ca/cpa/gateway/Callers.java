package ca.cpa.gateway;

import ca.cpa.runtime.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Callers of the gateway, each its own subject so that each test class has its own rate limit. */
final class Callers {

    private static final DevTokens KEYS = DevTokens.committed();

    private Callers() {
    }

    static String token(String subject) {
        return KEYS.issue(subject, List.of("mission-planner"), null, Duration.ofHours(1));
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(token(subject)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
