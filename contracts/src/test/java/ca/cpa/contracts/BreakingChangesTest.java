package ca.cpa.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakingChangesTest {

    private static final String RELEASED = """
            {"paths": {
              "/api/v1/things": {
                "get": {"parameters": [{"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/Status"}}],
                        "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}},
                "post": {"requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}}},
                         "responses": {"201": {"headers": {"Location": {"schema": {"type": "string"}}},
                                               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
             "components": {"schemas": {
               "Status": {"type": "string", "enum": ["OPEN", "CLOSED"]},
               "NewThing": {"type": "object", "required": ["name"],
                            "properties": {"name": {"type": "string", "maxLength": 200}, "note": {"type": "string"}}},
               "Thing": {"type": "object", "required": ["id", "name"],
                         "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "status": {"$ref": "#/components/schemas/Status"}}}}}}
            """;

    @Test
    void theSameDocumentHasNoBreakingChange() {
        assertEquals(List.of(), changes(RELEASED));
    }

    @Test
    void additionsAreNotBreaking() {
        String current = RELEASED
                .replace("\"CLOSED\"]", "\"CLOSED\", \"ARCHIVED\"]")
                .replace("\"note\": {\"type\": \"string\"}", "\"note\": {\"type\": \"string\"}, \"tags\": {\"type\": \"array\"}")
                .replace("\"/api/v1/things\": {", "\"/api/v1/others\": {\"get\": {}}, \"/api/v1/things\": {")
                .replace("\"maxLength\": 200", "\"maxLength\": 400");
        assertEquals(List.of(), changes(current));
    }

    @Test
    void removingAnOperationOrASuccessResponseBreaks() {
        assertEquals(List.of("POST /api/v1/things: operation removed"),
                changes(RELEASED.replace("\"post\": {", "\"put\": {")));
        assertEquals(List.of("POST /api/v1/things: response 201 removed"), changes(RELEASED.replace("\"201\"", "\"200\"")));
        assertEquals(List.of("POST /api/v1/things: response 201 header Location removed"),
                changes(RELEASED.replace("\"Location\"", "\"Link\"")));
    }

    @Test
    void refusingWhatClientsSendBreaks() {
        assertEquals(List.of("POST /api/v1/things request body: field note is now required"),
                changes(RELEASED.replace("\"required\": [\"name\"]", "\"required\": [\"name\", \"note\"]")));
        assertEquals(List.of("POST /api/v1/things request body.name: maxLength tightened to 100"),
                changes(RELEASED.replace("\"maxLength\": 200", "\"maxLength\": 100")));
        assertEquals(List.of("GET /api/v1/things query parameter status: value CLOSED no longer accepted"),
                changes(RELEASED.replace("\"enum\": [\"OPEN\", \"CLOSED\"]", "\"enum\": [\"OPEN\"]")));
        assertEquals(List.of("GET /api/v1/things: query parameter status is now required"),
                changes(RELEASED.replace("\"in\": \"query\",", "\"in\": \"query\", \"required\": true,")));
    }

    @Test
    void takingAwayWhatClientsReadBreaks() {
        assertEquals(List.of("GET /api/v1/things response 200: field status removed",
                        "POST /api/v1/things response 201: field status removed"),
                changes(RELEASED.replace(", \"status\": {\"$ref\": \"#/components/schemas/Status\"}", "")));
        assertEquals(List.of("GET /api/v1/things response 200.id: type [string] became [integer]",
                        "POST /api/v1/things response 201.id: type [string] became [integer]"),
                changes(RELEASED.replace("\"id\": {\"type\": \"string\"}", "\"id\": {\"type\": \"integer\"}")));
    }

    @Test
    void aSchemaRenamedBreaksTheClientsGeneratedWithItsName() {
        assertEquals(List.of("schema Status removed"), changes(RELEASED.replace("schemas/Status", "schemas/State")
                .replace("\"Status\": {\"type\"", "\"State\": {\"type\"")));
    }

    @Test
    void aResponseMovedToComponentsIsTheSameResponse() {
        String shared = RELEASED
                .replace("\"201\": {\"headers\"", "\"201\": {\"$ref\": \"#/components/responses/Created\"}, \"299\": {\"headers\"")
                .replace("\"components\": {", "\"components\": {\"responses\": {\"Created\": {\"headers\": {\"Location\": {}}, "
                        + "\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}}}}}, ");
        assertEquals(List.of(), changes(shared));
        assertEquals(List.of("POST /api/v1/things response 201: field status removed"),
                changes(shared.replace("\"Location\": {}}, \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}",
                        "\"Location\": {}}, \"content\": {\"application/json\": {\"schema\": {\"type\": \"object\", \"required\": [\"id\", \"name\"], "
                                + "\"properties\": {\"id\": {\"type\": \"string\"}, \"name\": {\"type\": \"string\"}}}")));
    }

    @Test
    void anEventTypeRemovedOrAFieldRemovedFromAnEventBreaks(@TempDir Path directory) throws IOException {
        ContractDocuments released = ContractDocuments.current();
        assertEquals(List.of(), BreakingChanges.inEvents(released, released));

        ObjectNode asyncApi = released.asyncApi().deepCopy();
        Files.createDirectories(directory.resolve("events"));
        released.schemasByType().forEach((type, schema) -> {
            ObjectNode copy = schema.deepCopy();
            if (type.equals("ca.cpa.mission.created.v1")) {
                ((ObjectNode) copy.get("properties")).remove("code");
            }
            write(directory.resolve("events/" + type + ".schema.json"), copy);
        });
        ((ObjectNode) asyncApi.get("components").get("messages")).remove("deploymentWelfareAlertV1");
        write(directory.resolve(ContractDocuments.ASYNCAPI), asyncApi);

        assertEquals(List.of("ca.cpa.deployment.welfare-alert.v1: event type no longer published",
                        "ca.cpa.mission.created.v1: field code removed"),
                BreakingChanges.inEvents(released, ContractDocuments.in(directory)));
    }

    private static void write(Path file, JsonNode document) {
        try {
            ContractDocuments.json().writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> changes(String current) {
        return BreakingChanges.inOpenApi(json(RELEASED), json(current));
    }

    private static JsonNode json(String text) {
        try {
            return ContractDocuments.json().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
