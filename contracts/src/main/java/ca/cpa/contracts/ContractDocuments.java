package ca.cpa.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The event contract as documents: the AsyncAPI document and, for each event type, the JSON
 * Schema (draft 2020-12) of its data, which the document references as {@code ./events/<type>.schema.json}.
 * Read from the classpath (what the suite serves) or from a directory (a released version).
 */
public final class ContractDocuments {

    public static final String CLASSPATH_ROOT = "ca/cpa/contracts/";
    public static final String ASYNCAPI = "asyncapi.yaml";
    public static final String SCHEMA_ID_PREFIX = "urn:cpa:event-schema:";
    private static final String EVENTS_REF_PREFIX = "./events/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode asyncApi;
    private final Map<String, JsonNode> schemasByType;

    private ContractDocuments(JsonNode asyncApi, Map<String, JsonNode> schemasByType) {
        this.asyncApi = asyncApi;
        this.schemasByType = schemasByType;
    }

    /** The documents this build serves and checks. */
    public static ContractDocuments current() {
        return read(name -> {
            InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name);
            if (in == null) {
                throw new IllegalStateException("no contract document " + CLASSPATH_ROOT + name + " on the classpath");
            }
            return in;
        });
    }

    /** Documents laid out the same way in a directory, such as a released version. */
    public static ContractDocuments in(Path directory) {
        return read(name -> {
            try {
                return Files.newInputStream(directory.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ContractDocuments read(Function<String, InputStream> open) {
        JsonNode asyncApi = parse(YAML, open.apply(ASYNCAPI));
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        asyncApi.path("components").path("messages").forEach(message -> {
            String ref = schemaRef(asyncApi, message);
            if (ref != null && ref.startsWith(EVENTS_REF_PREFIX)) {
                schemas.put(message.path("name").asText(), parse(JSON, open.apply("events/" + ref.substring(EVENTS_REF_PREFIX.length()))));
            }
        });
        return new ContractDocuments(asyncApi, schemas);
    }

    /** The file a message's payload names, through components.schemas. */
    private static String schemaRef(JsonNode asyncApi, JsonNode message) {
        String payloadRef = message.path("payload").path("$ref").asText("");
        JsonNode payload = payloadRef.startsWith("#/components/schemas/")
                ? asyncApi.path("components").path("schemas").path(payloadRef.substring("#/components/schemas/".length()))
                : message.path("payload");
        JsonNode ref = payload.path("schema").path("$ref");
        return ref.isTextual() ? ref.asText() : null;
    }

    private static JsonNode parse(ObjectMapper mapper, InputStream in) {
        try (in) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode asyncApi() {
        return asyncApi;
    }

    /** Event type (ce_type) → the JSON Schema of its data, in the document's order. */
    public Map<String, JsonNode> schemasByType() {
        return schemasByType;
    }

    /** The version in the AsyncAPI document's info. */
    public String version() {
        return asyncApi.path("info").path("version").asText();
    }

    /** The AsyncAPI document with every event schema inlined: one file a partner's tool can open alone. */
    public ObjectNode bundledAsyncApi() {
        ObjectNode bundled = asyncApi.deepCopy();
        bundled.path("components").path("schemas").properties().forEach(entry -> {
            JsonNode ref = entry.getValue().path("schema").path("$ref");
            if (ref.isTextual() && ref.asText().startsWith(EVENTS_REF_PREFIX)) {
                String file = ref.asText().substring(EVENTS_REF_PREFIX.length());
                String type = file.substring(0, file.length() - ".schema.json".length());
                ((ObjectNode) entry.getValue()).set("schema", schemasByType.get(type).deepCopy());
            }
        });
        return bundled;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static YAMLMapper yaml() {
        return YAML;
    }
}
