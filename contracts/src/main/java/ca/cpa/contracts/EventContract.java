package ca.cpa.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks events as they stand on a topic against the published contract: the type has a
 * schema, {@code ce_dataschema} names it, and the data conforms to it (formats asserted).
 * Strictly: a data field the schema does not declare is a violation too, so that nothing is
 * published undocumented (partners' own validation stays lenient: the published schemas
 * allow unknown fields, which later minor versions may add).
 */
public final class EventContract {

    private final Map<String, Schema> strictSchemas = new LinkedHashMap<>();

    private EventContract(ContractDocuments documents) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        documents.schemasByType().forEach((type, schema) ->
                strictSchemas.put(type, registry.getSchema(text(closed(schema.deepCopy())), InputFormat.JSON)));
    }

    public static EventContract current() {
        return new EventContract(ContractDocuments.current());
    }

    /** What is wrong with one event; empty when it keeps the contract. */
    public List<String> violations(String type, String dataschema, String data) {
        List<String> violations = new ArrayList<>();
        Schema schema = type == null ? null : strictSchemas.get(type);
        if (schema == null) {
            violations.add("no schema published for type " + type);
            return violations;
        }
        String expected = ContractDocuments.SCHEMA_ID_PREFIX + type;
        if (!expected.equals(dataschema)) {
            violations.add("ce_dataschema is " + dataschema + ", not " + expected);
        }
        if (data == null) {
            violations.add("no data");
            return violations;
        }
        schema.validate(data, InputFormat.JSON, (context, schemaContext) ->
                        context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .forEach(error -> violations.add(error.getInstanceLocation() + ": " + error.getMessage()));
        return violations;
    }

    /** Every object schema, at any depth, refuses properties it does not declare. */
    private static JsonNode closed(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode object = (ObjectNode) schema;
            if (object.has("properties")) {
                object.put("unevaluatedProperties", false);
            }
            object.forEach(EventContract::closed);
        } else if (schema.isArray()) {
            schema.forEach(EventContract::closed);
        }
        return schema;
    }

    private static String text(JsonNode node) {
        try {
            return ContractDocuments.json().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
