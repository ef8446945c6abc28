package ca.cpa.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MergedOpenApiTest {

    @Test
    void oneDocumentHoldsEveryServicesPathsWithComponentsWithoutClashes() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("CPA Deployments API"))
                .body("paths", hasKey("/api/v1/missions"))
                .body("paths", hasKey("/api/v1/officers"))
                .body("paths", hasKey("/api/v1/authorization-cases"))
                .body("paths", hasKey("/api/v1/reports/program"))
                .body("paths.'/api/v1/reports/program'.x-cpa-service", equalTo("reporting-service"))
                .body("paths.'/api/v1/webhook-subscriptions'.x-cpa-service", equalTo("webhook-service"))
                .body("paths.'/api/v1/officers'.x-cpa-service", equalTo("personnel-service"))
                // the Problem schema is the same everywhere: once
                .body("components.schemas", hasKey("Problem"))
                // Mission means two things: mission-service keeps the name, personnel-service's is renamed
                .body("components.schemas.Mission.properties", hasKey("code"))
                .body("components.schemas.PersonnelMission.properties", hasKey("ceiling"))
                .body("components.schemas.Posting.properties.mission.'$ref'",
                        equalTo("#/components/schemas/PersonnelMission"))
                .body("paths.'/api/v1/missions'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Mission"))
                .body("components.securitySchemes", hasKey("bearer"))
                // what the gateway itself may answer is documented on every operation
                .body("paths.'/api/v1/missions'.get.responses.'429'.'$ref'", equalTo("#/components/responses/Problem429"))
                .body("components.responses.Problem429.headers.'Retry-After'.'$ref'",
                        equalTo("#/components/headers/Retry-After"))
                .body("paths.'/api/v1/missions'.get.responses.'200'.headers", hasKey("RateLimit-Remaining"))
                .body("components.headers", hasKey("RateLimit-Reset"))
                .body("paths.'/api/v1/officers'.get.responses", hasKey("503"))
                .body("paths.'/api/v1/authorization-cases'.get.responses", hasKey("504"))
                .body("paths.'/api/v1/missions'.get.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.securitySchemes", not(hasKey("PersonnelBearer")));
    }

    @Test
    void theDocumentIsYamlByDefaultAsQuarkusServesIt() {
        given().get("/q/openapi").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/v1/authorization-cases:"));
    }

    @Test
    void swaggerUiShowsTheMergedDocumentWithNothingFetchedFromElsewhere() {
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(anyOf(equalTo(301), equalTo(302)))
                .header("Location", endsWith("/q/swagger-ui/"));
        String page = given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(page.contains("url: '/q/openapi'") || page.contains("url: \"/q/openapi\""),
                "the page reads the gateway's merged document");
        Matcher references = Pattern.compile("(?:src|href)=[\"']([^\"']+)").matcher(page);
        int local = 0;
        while (references.find()) {
            assertFalse(references.group(1).matches("(?i)(https?:)?//.*"), references.group(1) + " is fetched from elsewhere");
            local++;
        }
        assertTrue(local > 0, page);
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
