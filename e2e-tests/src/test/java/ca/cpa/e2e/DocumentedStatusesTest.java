package ca.cpa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other half of "the document tells the truth": every status the end-to-end tests received
 * from a documented operation is one the document lists for it, and every JSON body they
 * received validates against the schema the document gives for that operation and status
 * (OpenAPI 3.1's JSON Schema dialect). Runs last.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class DocumentedStatusesTest {

    @Test
    void everyStatusTheTestsReceivedIsDocumentedForItsOperation() {
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
    void everyBodyTheTestsReceivedMatchesItsDocumentedSchema() throws Exception {
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
}
