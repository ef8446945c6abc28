package ca.cpa.e2e;

import ca.cpa.contracts.ContractDocuments;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** The gateway's merged OpenAPI document as frontend teams read it, kept in target/contracts for the tools. */
final class MergedDocument {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static JsonNode document;
    private static Path file;

    /** One documented operation: method, path template and its description. */
    record Operation(String method, String path, JsonNode node) {
        boolean matches(String method, String concretePath) {
            return this.method.equalsIgnoreCase(method)
                    && Pattern.compile("^" + path.replaceAll("\\{[^}]+}", "[^/]+") + "$").matcher(concretePath).matches();
        }

        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    private MergedDocument() {
    }

    static synchronized JsonNode json() {
        if (document == null) {
            String text = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
            try {
                document = ContractDocuments.json().readTree(text);
                file = Path.of("target/contracts/openapi.json").toAbsolutePath();
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    /** The document as a file, for the command-line tools. */
    static Path file() {
        json();
        return file;
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = json().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method, path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    /** Follows a local reference ({@code #/components/...}). */
    static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.path("$ref").isTextual()) {
            current = json().at(current.path("$ref").asText().substring(1));
        }
        return current;
    }
}
