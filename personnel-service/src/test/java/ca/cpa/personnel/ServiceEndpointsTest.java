package ca.cpa.personnel;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ServiceEndpointsTest {

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("cpa_outbox_pending"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/deployments'.post.operationId", equalTo("planDeployment"))
                .body("paths.'/api/v1/officers/{id}'.get.responses.'403'.$ref", equalTo("#/components/responses/Problem403"))
                .body("components.responses.Problem403.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }
}
