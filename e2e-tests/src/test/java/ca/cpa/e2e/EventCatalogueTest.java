package ca.cpa.e2e;

import ca.cpa.contracts.EventContract;
import ca.cpa.testing.KafkaEvents;
import ca.cpa.testing.KafkaEvents.ReceivedEvent;
import ca.cpa.testing.NodeTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event catalogue integration partners read at the gateway, and the events the whole
 * workflow published, checked against it: the test runs the whole workflow itself, then checks
 * every event on the topics (its own and those of any test run before it).
 */
@ExtendWith(RunningSuite.class)
class EventCatalogueTest {

    private static final List<String> TOPICS = List.of("cpa.mission.events", "cpa.authorization.events", "cpa.personnel.events");

    @Test
    void theGatewayServesAValidSelfContainedAsyncApiDocument() throws IOException {
        given().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("asyncapi: \"3.0.0\""));
        String json = given().queryParam("format", "json").get("/q/asyncapi").then().statusCode(200)
                .body(not(containsString("./events/")))
                .extract().asString();
        Path served = Path.of("target/contracts/asyncapi.json").toAbsolutePath();
        Files.createDirectories(served.getParent());
        Files.writeString(served, json);
        NodeTools.Run validation = NodeTools.run("node", "contracts/scripts/validate-asyncapi.mjs", served.toString());
        assertEquals(0, validation.exitCode(), validation.output());
    }

    @Test
    void anUnknownSchemaIsAProblem() {
        given().get("/q/asyncapi/events/ca.cpa.nothing.v1.schema.json").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void everyEventTheWorkflowPublishedKeepsTheContractAndItsDataschemaIsServed() {
        Workflows.wholeWorkflow();
        EventContract contract = EventContract.current();
        List<String> violations = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        int checked = 0;
        for (String topic : TOPICS) {
            for (ReceivedEvent event : KafkaEvents.all(topic)) {
                checked++;
                types.add(event.type());
                contract.violations(event.type(), event.header("ce_dataschema"), event.data())
                        .forEach(v -> violations.add(event.type() + " " + event.header("ce_id") + ": " + v));
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(checked >= 10, "the workflow published " + checked + " events");
        for (String type : types) {
            given().get("/q/asyncapi/events/" + type + ".schema.json").then().statusCode(200)
                    .contentType("application/schema+json")
                    .body("$id", equalTo("urn:cpa:event-schema:" + type));
        }
    }
}
