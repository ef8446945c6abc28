package ca.cpa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import static ca.cpa.e2e.Api.as;
import static ca.cpa.e2e.Api.created;
import static ca.cpa.e2e.Api.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other half of "the document tells the truth": every status the end-to-end tests received
 * from a documented operation is one the document lists for it, and every JSON body they
 * received validates against the schema the document gives for that operation and status
 * (OpenAPI 3.1's JSON Schema dialect). Each test first calls the API itself (the whole workflow,
 * reads of every collection, the refusals callers meet), then checks every answer received so
 * far: its own and those of any test run before it.
 */
@ExtendWith(RunningSuite.class)
class DocumentedStatusesTest {

    @Test
    void everyStatusTheTestsReceivedIsDocumentedForItsOperation() {
        exerciseTheApi();
        List<MergedDocument.Operation> operations = MergedDocument.operations();
        TreeSet<String> undocumented = new TreeSet<>();
        int checked = 0;
        for (String seen : ObservedStatuses.SEEN) {
            String[] parts = seen.split(" ");
            Optional<MergedDocument.Operation> operation = operations.stream()
                    .filter(op -> op.matches(parts[0], parts[1])).findFirst();
            if (operation.isPresent()) {
                checked++;
                if (!operation.get().node().path("responses").has(parts[2])) {
                    undocumented.add(operation.get().name() + " answered " + parts[2]);
                }
            }
        }
        assertEquals(new TreeSet<>(), undocumented);
        assertTrue(checked >= 50, "only " + checked + " distinct calls observed");
    }

    @Test
    void everyReadThatAnsweredAnETagDocumentsItAndItsNotModifiedAnswer() {
        exerciseTheApi();
        List<MergedDocument.Operation> operations = MergedDocument.operations();
        TreeSet<String> undocumented = new TreeSet<>();
        int checked = 0;
        for (String read : ObservedStatuses.TAGGED_READS) {
            String path = read.substring("GET ".length());
            Optional<MergedDocument.Operation> operation = operations.stream()
                    .filter(op -> op.matches("GET", path)).findFirst();
            if (operation.isEmpty()) {
                continue;
            }
            checked++;
            JsonNode node = operation.get().node();
            boolean takesIfNoneMatch = false;
            for (JsonNode parameter : node.path("parameters")) {
                takesIfNoneMatch |= parameter.path("in").asText().equals("header")
                        && parameter.path("name").asText().equals("If-None-Match");
            }
            if (!node.at("/responses/200/headers/ETag").isObject() || !node.at("/responses/304/headers/ETag").isObject()
                    || !takesIfNoneMatch) {
                undocumented.add(operation.get().name());
            }
        }
        assertEquals(new TreeSet<>(), undocumented, "reads answering an ETag without ETag, If-None-Match and 304 documented");
        assertTrue(checked >= 5, "only " + checked + " reads answered an ETag");
    }

    @Test
    void everyBodyTheTestsReceivedMatchesItsDocumentedSchema() throws Exception {
        exerciseTheApi();
        String documentIri = "https://cpa.test/openapi.json";
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemaLoader(loader -> loader.resourceLoaders(resources -> resources.resources(
                        Map.of(documentIri, MergedDocument.json().toString())))));
        List<MergedDocument.Operation> operations = MergedDocument.operations();
        TreeSet<String> mismatches = new TreeSet<>();
        int checked = 0;
        for (List<ObservedStatuses.Body> bodies : ObservedStatuses.BODIES.values()) {
            for (ObservedStatuses.Body body : bodies) {
                Optional<MergedDocument.Operation> operation = operations.stream()
                        .filter(op -> op.matches(body.method(), body.path())).findFirst();
                if (operation.isEmpty()) {
                    continue;
                }
                JsonNode response = MergedDocument.resolve(operation.get().node().path("responses")
                        .path(Integer.toString(body.status())));
                String mediaType = body.contentType().split(";")[0].trim();
                JsonNode schema = response.path("content").path(mediaType).path("schema");
                if (!schema.path("$ref").isTextual()) {
                    mismatches.add(operation.get().name() + " " + body.status() + " " + mediaType + ": no schema documented");
                    continue;
                }
                checked++;
                Schema validator = registry.getSchema(SchemaLocation.of(documentIri + schema.path("$ref").asText()));
                validator.validate(body.text(), InputFormat.JSON).forEach(error -> mismatches.add(operation.get().name()
                        + " " + body.status() + ": " + error.getInstanceLocation() + " " + error.getMessage()));
            }
        }
        assertEquals(new TreeSet<>(), mismatches);
        assertTrue(checked >= 50, "only " + checked + " bodies checked");
    }

    /**
     * Calls as the API's users do: the whole workflow, a read of every collection, a mission's
     * evaluations and changes, a read of what the caller has (304), and the refusals (401, 403,
     * 404, 400, 409, 412, 422) callers meet.
     */
    private static void exerciseTheApi() {
        Workflows.wholeWorkflow();
        for (String collection : List.of("missions", "mission-requests", "authorization-cases", "ministerial-authorizations",
                "police-services", "officers", "officer-access-log", "candidacies", "training-courses", "deployments")) {
            as("auditor").get("/api/v1/" + collection).then().statusCode(200);
        }

        String mission = mission();
        String evaluation = as("mission-planner").body("""
                        {"kind": "PLANNING", "evaluationDate": "%s", "rating": "EFFECTIVE",
                         "summary": "Ready to deploy.", "recommendations": "Two French speakers."}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).minusDays(1)))
                .post("/api/v1/missions/" + mission + "/evaluations").then().statusCode(201).extract().header("Location");
        as("auditor").get(evaluation).then().statusCode(200);
        as("auditor").get("/api/v1/missions/" + mission + "/evaluations").then().statusCode(200);

        String etag = as("mission-planner").get("/api/v1/missions/" + mission).then().statusCode(200)
                .extract().header("ETag");
        as("mission-planner").header("If-None-Match", etag).get("/api/v1/missions/" + mission).then().statusCode(304);
        String activeEtag = as("mission-planner").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"status\": \"ACTIVE\"}")
                .patch("/api/v1/missions/" + mission).then().statusCode(200).extract().header("ETag");
        as("mission-planner").header("If-Match", etag).body("{\"nameEn\": \"Stale\"}")
                .patch("/api/v1/missions/" + mission).then().statusCode(412);
        as("mission-planner").header("If-Match", activeEtag).body("{\"status\": \"PLANNED\"}")
                .patch("/api/v1/missions/" + mission).then().statusCode(409);

        given().get("/api/v1/missions").then().statusCode(401);
        as("auditor").body(missionJson()).post("/api/v1/missions").then().statusCode(403);
        as("auditor").get("/api/v1/missions/" + UUID.randomUUID()).then().statusCode(404);
        as("mission-planner").body("{}").post("/api/v1/missions").then().statusCode(400);
        String key = UUID.randomUUID().toString();
        as("mission-planner").header("Idempotency-Key", key).body(missionJson()).post("/api/v1/missions")
                .then().statusCode(201);
        as("mission-planner").header("Idempotency-Key", key).body(missionJson()).post("/api/v1/missions")
                .then().statusCode(422);
    }

    private static String mission() {
        return created(as("mission-planner").body(missionJson()).post("/api/v1/missions").then());
    }

    private static String missionJson() {
        return """
                {"code": "%s", "nameEn": "Documented mission", "nameFr": "Mission documentée", "hostCountry": "HT",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}""".formatted(unique("DOC"));
    }
}
