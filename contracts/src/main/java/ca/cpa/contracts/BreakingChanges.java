package ca.cpa.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client built on a released document would notice in the current one. A client
 * <em>writes</em> requests (it breaks when the API starts to refuse what it sends) and
 * <em>reads</em> responses and events (it breaks when something it reads goes away or changes
 * type). Additions are not breaking: a new operation, an optional parameter or field, a new
 * response field, a new enum value in what clients read (clients and consumers tolerate unknown
 * values, as docs/integration.md asks), a new event type.
 */
public final class BreakingChanges {

    private enum Direction { WRITTEN, READ }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode releasedRoot;
    private final JsonNode currentRoot;
    private final List<String> found = new ArrayList<>();
    private final Set<String> compared = new HashSet<>();

    private BreakingChanges(JsonNode releasedRoot, JsonNode currentRoot) {
        this.releasedRoot = releasedRoot;
        this.currentRoot = currentRoot;
    }

    /** Breaking changes from one OpenAPI document to the next, each as a sentence naming where. */
    public static List<String> inOpenApi(JsonNode released, JsonNode current) {
        BreakingChanges changes = new BreakingChanges(released, current);
        released.path("paths").properties().forEach(path -> {
            JsonNode currentPath = current.path("paths").path(path.getKey());
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                if (currentPath.path(method).isMissingNode()) {
                    changes.found.add(where + ": operation removed");
                } else {
                    changes.operation(where, operation, currentPath.path(method));
                }
            }
        });
        // Clients generated from the document name its schemas (a TypeScript type, a Java class).
        released.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (current.path("components").path("schemas").path(name).isMissingNode()) {
                changes.found.add("schema " + name + " removed");
            }
        });
        return changes.found;
    }

    /** Breaking changes from one version of the event contract to the next. */
    public static List<String> inEvents(ContractDocuments released, ContractDocuments current) {
        List<String> found = new ArrayList<>();
        released.schemasByType().forEach((type, schema) -> {
            JsonNode currentSchema = current.schemasByType().get(type);
            if (currentSchema == null) {
                found.add(type + ": event type no longer published");
            } else {
                BreakingChanges changes = new BreakingChanges(schema, currentSchema);
                changes.schema(type, schema, currentSchema, Direction.READ);
                found.addAll(changes.found);
            }
        });
        released.asyncApi().path("channels").properties().forEach(channel -> {
            String address = channel.getValue().path("address").asText();
            boolean kept = false;
            for (JsonNode currentChannel : current.asyncApi().path("channels")) {
                kept |= currentChannel.path("address").asText().equals(address);
            }
            if (!kept) {
                found.add("topic " + address + " removed");
            }
        });
        return found;
    }

    private void operation(String where, JsonNode released, JsonNode current) {
        for (JsonNode parameter : current.path("parameters")) {
            JsonNode before = parameter(released, parameter);
            String name = parameter.path("in").asText() + " parameter " + parameter.path("name").asText();
            if (parameter.path("required").asBoolean() && (before == null || !before.path("required").asBoolean())) {
                found.add(where + ": " + name + " is now required");
            }
            if (before != null) {
                schema(where + " " + name, before.path("schema"), parameter.path("schema"), Direction.WRITTEN);
            }
        }
        JsonNode releasedBody = released.path("requestBody");
        JsonNode currentBody = current.path("requestBody");
        if (currentBody.path("required").asBoolean() && !releasedBody.path("required").asBoolean()) {
            found.add(where + ": a request body is now required");
        }
        releasedBody.path("content").properties().forEach(media -> {
            JsonNode currentMedia = currentBody.path("content").path(media.getKey());
            if (currentMedia.isMissingNode()) {
                found.add(where + ": request body " + media.getKey() + " no longer accepted");
            } else {
                schema(where + " request body", media.getValue().path("schema"), currentMedia.path("schema"), Direction.WRITTEN);
            }
        });
        released.path("responses").properties().forEach(entry -> {
            JsonNode currentResponse = resolve(currentRoot, current.path("responses").path(entry.getKey()));
            if (currentResponse.isMissingNode()) {
                if (entry.getKey().startsWith("2")) {
                    found.add(where + ": response " + entry.getKey() + " removed");
                }
                return;
            }
            Map.Entry<String, JsonNode> response = Map.entry(entry.getKey(), resolve(releasedRoot, entry.getValue()));
            response.getValue().path("content").properties().forEach(media -> {
                JsonNode currentMedia = currentResponse.path("content").path(media.getKey());
                if (currentMedia.isMissingNode()) {
                    found.add(where + ": response " + response.getKey() + " no longer " + media.getKey());
                } else {
                    schema(where + " response " + response.getKey(), media.getValue().path("schema"),
                            currentMedia.path("schema"), Direction.READ);
                }
            });
            response.getValue().path("headers").fieldNames().forEachRemaining(header -> {
                if (response.getKey().startsWith("2") && currentResponse.path("headers").path(header).isMissingNode()) {
                    found.add(where + ": response " + response.getKey() + " header " + header + " removed");
                }
            });
        });
    }

    private static JsonNode parameter(JsonNode operation, JsonNode like) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").equals(like.path("name")) && parameter.path("in").equals(like.path("in"))) {
                return parameter;
            }
        }
        return null;
    }

    private void schema(String where, JsonNode releasedSchema, JsonNode currentSchema, Direction direction) {
        JsonNode released = resolve(releasedRoot, releasedSchema);
        JsonNode current = resolve(currentRoot, currentSchema);
        // a recursive schema, or one shared by many places, is compared once per place and direction
        if (!compared.add(where + "|" + direction + "|" + released.hashCode() + "|" + current.hashCode())) {
            return;
        }
        Set<String> releasedTypes = types(released);
        Set<String> currentTypes = types(current);
        if (!releasedTypes.isEmpty() && !currentTypes.isEmpty()) {
            boolean narrower = !currentTypes.containsAll(releasedTypes);
            boolean wider = !releasedTypes.containsAll(currentTypes);
            if (direction == Direction.WRITTEN ? narrower : wider) {
                found.add(where + ": type " + releasedTypes + " became " + currentTypes);
                return;
            }
        }
        if (direction == Direction.WRITTEN) {
            written(where, released, current);
        } else {
            read(where, released, current);
        }
        released.path("properties").properties().forEach(property -> {
            JsonNode currentProperty = current.path("properties").path(property.getKey());
            if (!currentProperty.isMissingNode()) {
                schema(where + "." + property.getKey(), property.getValue(), currentProperty, direction);
            }
        });
        if (released.has("items") && current.has("items")) {
            schema(where + "[]", released.path("items"), current.path("items"), direction);
        }
    }

    /** What a client sends must still be accepted. */
    private void written(String where, JsonNode released, JsonNode current) {
        for (String name : strings(current.path("required"))) {
            if (!strings(released.path("required")).contains(name)) {
                found.add(where + ": field " + name + " is now required");
            }
        }
        if (released.has("enum") && current.has("enum")) {
            for (String value : strings(released.path("enum"))) {
                if (!strings(current.path("enum")).contains(value)) {
                    found.add(where + ": value " + value + " no longer accepted");
                }
            }
        }
        tighter(where, "maxLength", released, current, true);
        tighter(where, "maxItems", released, current, true);
        tighter(where, "maximum", released, current, true);
        tighter(where, "minLength", released, current, false);
        tighter(where, "minItems", released, current, false);
        tighter(where, "minimum", released, current, false);
        if (!released.path("pattern").equals(current.path("pattern")) && current.has("pattern")) {
            found.add(where + ": pattern changed to " + current.path("pattern").asText());
        }
    }

    /** What a client reads must still be there, as it was. */
    private void read(String where, JsonNode released, JsonNode current) {
        released.path("properties").fieldNames().forEachRemaining(name -> {
            if (current.path("properties").path(name).isMissingNode()) {
                found.add(where + ": field " + name + " removed");
            }
        });
        for (String name : strings(released.path("required"))) {
            if (!strings(current.path("required")).contains(name)) {
                found.add(where + ": field " + name + " is no longer always present");
            }
        }
    }

    private void tighter(String where, String keyword, JsonNode released, JsonNode current, boolean upperBound) {
        if (!current.has(keyword)) {
            return;
        }
        if (!released.has(keyword)
                || (upperBound ? current.path(keyword).asDouble() < released.path(keyword).asDouble()
                               : current.path(keyword).asDouble() > released.path(keyword).asDouble())) {
            found.add(where + ": " + keyword + " tightened to " + current.path(keyword).asText());
        }
    }

    /** Follows local references ({@code #/components/schemas/X}); a schema without one is itself. */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20 && current.path("$ref").asText("").startsWith("#/"); hops++) {
            current = root.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        if (types.contains("number")) {
            types.add("integer");
        }
        return types;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            values.add(it.next().asText());
        }
        return values;
    }
}
