package ca.cpa.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Requests made from the merged OpenAPI document to break its operations: for each one, its
 * body with each field missing, null, of the wrong type, too long, too large or too small,
 * out of its enum or format, with an extra field; bodies that are not JSON or too large; the
 * wrong content type; bad ids in the path; bad query parameters. Every such request breaks a
 * rule the document states, so each must be refused; a few more (odd Unicode in free text)
 * may be accepted, but never with a 5xx.
 */
final class ApiFuzzer {

    /** One request: {@code mustFail} when the document forbids it. */
    record Case(String label, String method, String path, String contentType, byte[] body, String role,
                boolean mustFail) {
        String name() {
            return method.toUpperCase() + " " + path + " [" + label + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int RANDOM_BODIES = 60;
    private static final String ODD_UNICODE = "\u202EZ\u200B\uD83D\uDE00\u0301\uFEFFé\u0000\u001F";
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "%00", "1%27%20OR%20%271%27%3D%271",
            "9".repeat(2000), "%F0%9F%98%80", "..%2F..%2Fq%2Fhealth");

    private final JsonNode document;
    private final Function<String, String> fixtureIds;
    private final List<Case> cases = new ArrayList<>();

    /** {@code fixtureIds} gives an existing resource's id for a path prefix (null: none), so bodies reach validation. */
    ApiFuzzer(JsonNode document, Function<String, String> fixtureIds) {
        this.document = document;
        this.fixtureIds = fixtureIds;
    }

    List<Case> cases() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    operation(method, path.getKey(), operation);
                }
            }
        }
        return cases;
    }

    private void operation(String method, String template, JsonNode operation) {
        String role = operation.path("security").path(0).path("bearer").path(0).asText(null);
        String path = concrete(template, true);
        if (template.contains("{")) {
            for (String badId : BAD_IDS) {
                cases.add(new Case("bad id " + abbreviated(badId), method, template.replaceAll("\\{[^}]+}", badId),
                        null, null, role, true));
            }
            if (!method.equals("get")) {
                cases.add(new Case("unknown id", method, concrete(template, false), null, null, role, true));
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = resolve(parameter);
            if (p.path("in").asText().equals("query")) {
                for (Map.Entry<String, String> value : badValues(resolve(p.path("schema"))).entrySet()) {
                    cases.add(new Case("query " + p.path("name").asText() + " " + value.getKey(), method,
                            path + "?" + p.path("name").asText() + "=" + URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8),
                            null, null, role, true));
                }
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return;
        }
        String mediaType = content.has("application/json") ? "application/json" : content.fieldNames().next();
        JsonNode example = content.path(mediaType).path("example");
        JsonNode schema = resolve(content.path(mediaType).path("schema"));
        byte[] valid = bytes(example);
        cases.add(new Case("text/plain body", method, path, "text/plain", valid, role, true));
        cases.add(new Case("XML content type", method, path, "application/xml", valid, role, true));
        for (String body : List.of("", "null", "[]", "{", "\"text\"", "{\"a\": 1}}", "{}{}")) {
            cases.add(new Case("body " + abbreviated(body), method, path, mediaType, body.getBytes(StandardCharsets.UTF_8), role, true));
        }
        ObjectNode huge = NODES.objectNode();
        huge.put("padding", "x".repeat(2_000_000));
        cases.add(new Case("2 MB body", method, path, mediaType, bytes(huge), role, true));
        if (example.isObject()) {
            ObjectNode extra = example.deepCopy();
            extra.put("unexpectedField", 1);
            cases.add(new Case("extra field", method, path, mediaType, bytes(extra), role, true));
            fields(method, path, mediaType, role, (ObjectNode) example, schema, "", 0);
            Random random = new Random(template.hashCode() * 31L + method.hashCode());
            for (int i = 0; i < RANDOM_BODIES; i++) {
                ObjectNode body = NODES.objectNode();
                schema.path("properties").fieldNames().forEachRemaining(name -> {
                    if (random.nextInt(4) > 0) {
                        body.set(name, randomValue(random, 0));
                    }
                });
                cases.add(new Case("random body " + i, method, path, mediaType, bytes(body), role, false));
            }
        }
    }

    /** Each field of {@code object} (at {@code pointer} in the example) broken one at a time. */
    private void fields(String method, String path, String mediaType, String role, ObjectNode example, JsonNode schema,
                        String pointer, int depth) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode fieldSchema = nonNull(resolve(property.getValue()));
            String at = pointer + "/" + name;
            if (required.contains(name)) {
                cases.add(body(method, path, mediaType, role, example, at, null, "without " + at, true));
                cases.add(body(method, path, mediaType, role, example, at, NODES.nullNode(), at + " null", true));
            }
            for (Map.Entry<String, JsonNode> value : badJson(fieldSchema).entrySet()) {
                cases.add(body(method, path, mediaType, role, example, at, value.getValue(), at + " " + value.getKey(), true));
            }
            if (fieldSchema.path("type").asText().equals("string") && !fieldSchema.has("enum")
                    && !fieldSchema.has("format") && !fieldSchema.has("pattern") || isFreeText(fieldSchema)) {
                cases.add(body(method, path, mediaType, role, example, at, NODES.textNode(ODD_UNICODE), at + " odd Unicode", false));
            }
            if (depth < 1 && fieldSchema.path("type").asText().equals("object") && example.at(at).isObject()) {
                fields(method, path, mediaType, role, example, fieldSchema, at, depth + 1);
            }
            if (depth < 1 && fieldSchema.path("type").asText().equals("array") && example.at(at + "/0").isObject()) {
                fields(method, path, mediaType, role, example, nonNull(resolve(fieldSchema.path("items"))), at + "/0",
                        depth + 1);
            }
        }
    }

    private static boolean isFreeText(JsonNode schema) {
        return schema.path("type").asText().equals("string") && schema.path("pattern").asText().equals("\\S");
    }

    /** Any JSON value: strings of any characters and length, numbers of any size and sign, nesting. */
    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth < 2 ? 8 : 6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 3 -> NODES.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40)));
            case 4, 5 -> NODES.textNode(randomText(random));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(random), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(random.nextInt(10) == 0 ? 5000 : 40); i > 0; i--) {
            int codePoint = random.nextInt(3) == 0 ? random.nextInt(0x20) : random.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** Values of the wrong type or outside the schema's bounds, enum or format, as JSON. */
    private static Map<String, JsonNode> badJson(JsonNode schema) {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        switch (schema.path("type").asText()) {
            case "string" -> {
                values.put("a number", NODES.numberNode(12345));
                values.put("an object", NODES.objectNode().put("a", 1));
                if (schema.has("maxLength")) {
                    values.put("over maxLength", NODES.textNode("A".repeat(schema.path("maxLength").asInt() + 1)));
                }
                values.put("100k characters", NODES.textNode("A".repeat(100_000)));
                if (schema.has("enum")) {
                    values.put("not in enum", NODES.textNode("NOT_A_VALUE"));
                }
                switch (schema.path("format").asText()) {
                    case "uuid" -> values.put("not a uuid", NODES.textNode("not-a-uuid"));
                    case "date" -> values.put("impossible date", NODES.textNode("2026-02-30"));
                    case "date-time" -> values.put("not a date-time", NODES.textNode("yesterday"));
                    default -> {
                    }
                }
                if (schema.has("pattern")) {
                    values.put("against pattern", NODES.textNode(" "));
                }
            }
            case "integer", "number" -> {
                values.put("a string", NODES.textNode("abc"));
                values.put("huge", NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(30))));
                values.put("-2^63-1", NODES.numberNode(new java.math.BigInteger("-9223372036854775809")));
                if (schema.has("minimum")) {
                    values.put("below minimum", NODES.numberNode(schema.path("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.put("above maximum", NODES.numberNode(schema.path("maximum").asLong() + 1));
                }
                if (schema.path("type").asText().equals("integer")) {
                    values.put("a fraction", NODES.numberNode(1.5));
                }
            }
            case "boolean" -> values.put("a string", NODES.textNode("yes"));
            case "array" -> {
                values.put("a string", NODES.textNode("x"));
                if (schema.path("minItems").asInt() > 0) {
                    values.put("empty", NODES.arrayNode());
                }
                ArrayNode wrongItems = NODES.arrayNode();
                wrongItems.add(NODES.objectNode().put("a", 1)).add(12345);
                values.put("items of the wrong type", wrongItems);
                if (schema.has("maxItems")) {
                    ArrayNode tooMany = NODES.arrayNode();
                    for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                        tooMany.add("A");
                    }
                    values.put("over maxItems", tooMany);
                }
            }
            case "object" -> values.put("an array", NODES.arrayNode().add(1));
            default -> {
            }
        }
        return values;
    }

    /** Query values the schema forbids. */
    private Map<String, String> badValues(JsonNode schema) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        JsonNode type = nonNull(schema);
        badJson(type).forEach((label, value) -> {
            if (value.isValueNode() && !label.equals("100k characters")) {
                values.put(label, value.asText());
            }
        });
        values.put("odd Unicode", ODD_UNICODE);
        return values;
    }

    private Case body(String method, String path, String mediaType, String role, ObjectNode example, String pointer,
                      JsonNode value, String label, boolean mustFail) {
        ObjectNode copy = example.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(field);
            } else {
                object.set(field, value);
            }
        } else if (parent instanceof ArrayNode array && value != null) {
            array.set(Integer.parseInt(field), value);
        }
        return new Case(label, method, path, mediaType, bytes(copy), role, mustFail);
    }

    /** The path with its ids filled: an existing resource's where there is one, else an unknown one. */
    private String concrete(String template, boolean existing) {
        String prefix = template.replaceAll("/\\{[^}]+}.*", "");
        String fixture = existing ? fixtureIds.apply(prefix) : null;
        String path = template.replaceFirst("\\{[^}]+}", fixture != null ? fixture : UUID.randomUUID().toString());
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.path("$ref").isTextual()) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    /** A nullable schema ({@code anyOf: [X, {type: null}]}) as X. */
    private JsonNode nonNull(JsonNode schema) {
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : schema.path(combinator)) {
                if (!branch.path("type").asText().equals("null")) {
                    return resolve(branch);
                }
            }
        }
        return schema;
    }

    private static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 12) + "…(" + text.length() + ")" : text.isEmpty() ? "empty" : text;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
