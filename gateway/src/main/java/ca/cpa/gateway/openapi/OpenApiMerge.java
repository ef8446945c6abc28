package ca.cpa.gateway.openapi;

import ca.cpa.platform.core.problem.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several services' OpenAPI documents as one: every path (marked {@code x-cpa-service}), every
 * component once. A component two services define alike is kept once; one they define
 * differently keeps its name in the first service and is renamed after the service in the
 * next ({@code PersonnelMissionRequestView}), with every reference to it rewritten.
 */
public final class OpenApiMerge {

    private static final String REF = "$ref";
    private static final String RESPONSES = "#/components/responses/";
    private static final String PROBLEM = "Problem";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiMerge() {
    }

    /** {@code documents} in the order given (services by name); {@code info} becomes the document's info. */
    public static ObjectNode merge(Map<String, JsonNode> documents, ObjectNode info) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText())
                .filter(v -> !v.isEmpty()).findFirst().orElse("3.1.0"));
        merged.set("info", info);
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");

        documents.forEach((service, document) -> {
            Map<String, String> renames = renamesFor(service, document, components);
            JsonNode rewritten = rewriteRefs(document.deepCopy(), renames);
            rewritten.path("components").fields().forEachRemaining(type -> {
                ObjectNode target = components.has(type.getKey()) ? (ObjectNode) components.get(type.getKey())
                        : components.putObject(type.getKey());
                type.getValue().fields().forEachRemaining(component -> {
                    String name = renames.getOrDefault(key(type.getKey(), component.getKey()), component.getKey());
                    target.set(name, component.getValue());
                });
            });
            rewritten.path("paths").fields().forEachRemaining(path -> {
                if (paths.has(path.getKey())) {
                    throw new IllegalStateException(path.getKey() + " is served by two services");
                }
                ObjectNode item = (ObjectNode) path.getValue();
                item.put("x-cpa-service", service);
                paths.set(path.getKey(), item);
            });
            for (JsonNode tag : rewritten.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
            if (!merged.has("security") && rewritten.has("security")) {
                merged.set("security", rewritten.get("security"));
            }
        });
        return merged;
    }

    /**
     * Adds to every API operation the answers the gateway itself may give: 429 (with
     * Retry-After), 503 and 504 for a service behind it, 413 for a body over the limit; and to
     * every answer the headers the gateway adds: the caller's rate-limit standing (2xx, 304 and
     * 4xx; with the limiter on) and CORS's allowed origin (for a browser caller from an allowed origin).
     */
    public static ObjectNode withGatewayResponses(ObjectNode merged) {
        ObjectNode components = merged.get("components") instanceof ObjectNode existing ? existing : merged.putObject("components");
        ObjectNode headerComponents = components.get("headers") instanceof ObjectNode existing ? existing : components.putObject("headers");
        integerHeader(headerComponents, RETRY_AFTER, "Seconds to wait before the next call", 1, 3600);
        integerHeader(headerComponents, "RateLimit-Limit", "Calls the caller may make at once (the gateway's burst)", 0, 1_000_000);
        integerHeader(headerComponents, "RateLimit-Remaining", "Calls left before the caller must slow down", 0, 1_000_000);
        integerHeader(headerComponents, "RateLimit-Reset", "Seconds until the caller's whole allowance is back", 0, 86_400);
        ObjectNode responseComponents = components.get("responses") instanceof ObjectNode existing
                ? existing : components.putObject("responses");
        retryAfter(problem(responseComponents, "429", "Over the caller's rate limit at the gateway; retry after Retry-After seconds",
                "rate-limited", "Too many requests", "More than 50 calls a second (bursts of 100); retry in 1 s."));
        retryAfter(problem(responseComponents, "503", "The service, or the service behind the gateway, is unavailable; retry later",
                "downstream-unavailable", "Service unavailable", "mission-service is unavailable; retry later."));
        problem(responseComponents, "504", "The service behind the gateway did not answer in time; retry later",
                "downstream-timeout", "Gateway timeout", "mission-service did not answer within 5 s; retry later.");
        problem(responseComponents, "413", "The body is larger than the gateway accepts", "payload-too-large",
                "Payload too large", "The body is larger than the limit of 1048576 bytes.");
        ObjectNode origin = headerComponents.putObject(ALLOW_ORIGIN);
        origin.put("description", "The caller's Origin, when it is one of CPA_CORS_ORIGINS (browser calls)");
        origin.putObject("schema").put("type", "string").put("format", "uri").put("maxLength", 2048);
        merged.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (!(operation.getValue() instanceof ObjectNode op) || !op.has("responses")) {
                    return; // a path-level field such as x-cpa-service or parameters
                }
                ObjectNode responses = (ObjectNode) op.get("responses");
                for (String status : List.of("429", "503", "504")) {
                    responses.putObject(status).put(REF, RESPONSES + PROBLEM + status);
                }
                if (op.has("requestBody")) {
                    responses.putObject("413").put(REF, RESPONSES + PROBLEM + "413");
                }
                responses.fields().forEachRemaining(response -> {
                    // a shared response (components.responses) gets the headers once, where it is defined
                    JsonNode ref = response.getValue().path(REF);
                    JsonNode answer = ref.isTextual() && ref.asText().startsWith(RESPONSES)
                            ? responseComponents.path(ref.asText().substring(RESPONSES.length())) : response.getValue();
                    if (!(answer instanceof ObjectNode definition)) {
                        return;
                    }
                    ObjectNode headers = definition.get("headers") instanceof ObjectNode existing
                            ? existing : definition.putObject("headers");
                    if (!response.getKey().startsWith("5")) {
                        RATE_LIMIT_HEADERS.forEach(name -> headerRef(headers, name));
                    }
                    headerRef(headers, ALLOW_ORIGIN);
                });
            });
        });
        return merged;
    }

    private static void retryAfter(ObjectNode response) {
        headerRef(response.putObject("headers"), RETRY_AFTER);
    }

    /** The gateway's headers are defined once, in components.headers: every answer refers to them. */
    private static void headerRef(ObjectNode headers, String name) {
        headers.putObject(name).put(REF, "#/components/headers/" + name);
    }

    private static void integerHeader(ObjectNode headers, String name, String description, int minimum, int maximum) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.putObject("schema").put("type", "integer").put("format", "int32").put("minimum", minimum).put("maximum", maximum);
    }

    /** The gateway's own problem answers, in components.responses (named as the services name theirs). */
    private static ObjectNode problem(ObjectNode responses, String status, String description, String kind, String title,
                                      String detail) {
        ObjectNode response = responses.putObject(PROBLEM + status);
        response.put("description", description);
        ObjectNode media = response.putObject("content").putObject("application/problem+json");
        media.putObject("schema").put(REF, "#/components/schemas/Problem");
        media.putObject("example").put("type", Problem.TYPE_PREFIX + kind).put("title", title)
                .put("status", Integer.parseInt(status)).put("detail", detail).put("instance", "/api/v1/missions");
        return response;
    }

    /** The components of {@code document} that must be renamed to keep their meaning, as "type/name" to new name. */
    private static Map<String, String> renamesFor(String service, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        boolean changed = true;
        while (changed) { // a renamed component changes the components that refer to it
            changed = false;
            JsonNode rewritten = rewriteRefs(document.deepCopy(), renames);
            for (Iterator<Map.Entry<String, JsonNode>> types = rewritten.path("components").fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                JsonNode existing = merged.path(type.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> it = type.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> component = it.next();
                    String key = key(type.getKey(), component.getKey());
                    if (!renames.containsKey(key) && existing.has(component.getKey())
                            && !existing.get(component.getKey()).equals(component.getValue())) {
                        renames.put(key, prefix(service) + component.getKey());
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get(REF);
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                String[] parts = ref.asText().substring("#/components/".length()).split("/", 2);
                String renamed = parts.length == 2 ? renames.get(key(parts[0], parts[1])) : null;
                if (renamed != null) {
                    object.set(REF, TextNode.valueOf("#/components/" + parts[0] + "/" + renamed));
                }
            }
            object.fields().forEachRemaining(field -> rewriteRefs(field.getValue(), renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
        return node;
    }

    private static String key(String type, String name) {
        return type + "/" + name;
    }

    /** {@code personnel-service} → {@code Personnel}. */
    private static String prefix(String service) {
        StringBuilder prefix = new StringBuilder();
        for (String word : service.replaceFirst("-service$", "").split("-")) {
            if (!word.isEmpty()) {
                prefix.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return prefix.toString();
    }
}
