package ca.cpa.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ca.cpa.e2e.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway in front of the real services: one document for the whole API, and every path of it routed. */
@ExtendWith(RunningSuite.class)
class GatewayTest {

    @Test
    void oneOpenApiDocumentDescribesTheWholeApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/missions"))
                .body("paths", hasKey("/api/v1/mission-requests/{id}/submission"))
                .body("paths", hasKey("/api/v1/authorization-cases/{id}/decisions"))
                .body("paths", hasKey("/api/v1/ministerial-authorizations"))
                .body("paths", hasKey("/api/v1/deployments/{id}/check-ins"))
                .body("paths", hasKey("/api/v1/enrolments/{id}/result"))
                .body("paths", hasKey("/api/v1/reports/program"))
                .body("paths", hasKey("/api/v1/history/imports"))
                .body("paths", hasKey("/api/v1/webhook-subscriptions"))
                .body("paths", hasKey("/api/v1/webhook-subscriptions/{id}/deliveries"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.securitySchemes", hasKey("bearer"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].data.size()", equalTo(5));
        // Swagger UI shows it, from the gateway's jar as ./cpa up runs it (the prod profile)
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }

    @Test
    void theLinksServicesAnswerPointAtTheGateway() {
        String location = Api.as("mission-planner").body("""
                        {"code": "%s", "nameEn": "Link check", "nameFr": "Vérification des liens", "hostCountry": "HT",
                         "type": "BILATERAL", "partnerOrganization": "Haiti"}""".formatted(Api.unique("LINK")))
                .post("/api/v1/missions").then().statusCode(201).extract().header("Location");
        assertTrue(location.startsWith(RunningSuite.suite().gatewayUrl() + "/api/v1/missions/"), location);
        Api.as("auditor").get(location).then().statusCode(200);
    }

    @Test
    void aReadOfWhatTheCallerAlreadyHasIsAnsweredNotModifiedUntilItChanges() {
        String location = Api.as("mission-planner").body("""
                        {"code": "%s", "nameEn": "Cached read", "nameFr": "Lecture en cache", "hostCountry": "HT",
                         "type": "BILATERAL", "partnerOrganization": "Haiti"}""".formatted(Api.unique("ETAG")))
                .post("/api/v1/missions").then().statusCode(201).extract().header("Location");
        String etag = Api.as("auditor").get(location).then().statusCode(200).extract().header("ETag");

        Response unchanged = Api.as("auditor").header("If-None-Match", etag).get(location);
        assertEquals(304, unchanged.statusCode());
        assertEquals(etag, unchanged.header("ETag"));
        assertEquals("", unchanged.asString());
        Api.as("auditor").header("If-None-Match", "W/" + etag).get(location).then().statusCode(304);

        String changed = Api.as("mission-planner").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"nameEn\": \"Cached read, renamed\"}").patch(location).then().statusCode(200)
                .extract().header("ETag");
        Api.as("auditor").header("If-None-Match", etag).get(location).then().statusCode(200)
                .header("ETag", changed).body("nameEn", equalTo("Cached read, renamed"));
    }

    @Test
    void everyDocumentedPathReachesTheServiceThatServesIt() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> unrouted = new ArrayList<>();
        for (String path : paths.keySet()) {
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Response response = as("auditor").get(concrete);
            // the gateway's own 404 says there is no resource at this path; a service's names what it lacks
            if (response.statusCode() == 404 && "No resource at this path.".equals(response.path("detail"))) {
                unrouted.add(path + " (" + paths.get(path).get("x-cpa-service") + ")");
            }
        }
        assertEquals(List.of(), unrouted);
    }
}
