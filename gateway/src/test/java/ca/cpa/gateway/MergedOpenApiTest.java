package ca.cpa.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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
    void theDocumentIsYamlByDefaultAsQuarkusServesItAndSwaggerUiReadsIt() {
        given().get("/q/openapi").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/v1/authorization-cases:"));
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(302)
                .header("Location", containsString("/q/swagger-ui/"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/q/openapi?format=json"));
        given().get("/webjars/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
