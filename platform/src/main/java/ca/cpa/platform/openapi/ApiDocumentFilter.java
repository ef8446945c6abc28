package ca.cpa.platform.openapi;

import ca.cpa.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents the problem responses of every operation from what the operation is, so that no
 * operation forgets one: all are secured (401, 403) and may lose their database (503); a path
 * with an id can be unknown (404); input can be invalid (400) or of the wrong type (415).
 * The statuses an operation adds by its own rules (409, 412, 422) it names in the extension
 * {@code x-cpa-problems}, e.g. {@code @Extension(name = "x-cpa-problems", value = "409,412")}.
 */
public class ProblemResponsesFilter implements OASFilter {

    public static final String EXTENSION = "x-cpa-problems";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Malformed or invalid input; `errors` names each invalid field"),
            Map.entry("401", "Missing, invalid or expired bearer token"),
            Map.entry("403", "The caller's role or organization does not allow this"),
            Map.entry("404", "No resource with this id, or the caller may not see it"),
            Map.entry("409", "The resource's state does not allow this (illegal transition, duplicate, concurrent change)"),
            Map.entry("412", "If-Match names a stale version"),
            Map.entry("415", "The body is not application/json"),
            Map.entry("422", "The Idempotency-Key was already used with another body"),
            Map.entry("503", "The service cannot reach its database; retry later"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, Boolean> statuses = new TreeMap<>();
        statuses.put("401", true);
        statuses.put("403", true);
        statuses.put("503", true);
        if (path.contains("{")) {
            statuses.put("404", true);
        }
        if (operation.getRequestBody() != null) {
            statuses.put("400", true);
            statuses.put("415", true);
        }
        List<Parameter> parameters = operation.getParameters();
        if (parameters != null && parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            statuses.put("400", true);
        }
        Object declared = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        if (declared != null) {
            for (String status : declared.toString().split(",")) {
                statuses.put(status.trim(), true);
            }
            operation.removeExtension(EXTENSION);
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        statuses.keySet().forEach(status -> {
            // Quarkus documents 401 and 403 of secured operations itself, without a body: replace those.
            if (!responses.hasAPIResponse(status) || responses.getAPIResponse(status).getContent() == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(DESCRIPTIONS.getOrDefault(status, "Problem"))
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
            }
        });
        operation.setResponses(responses);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text("The invalid field, as a path into the body", "positions[0].count"))
                .addProperty("message", text("What is wrong with it, in the response's language", "must be greater than or equal to 1"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; title, detail and messages in English or French by Accept-Language")
                .addProperty("type", text("Identifies the kind of problem", "urn:cpa:problem:invalid-request"))
                .addProperty("title", text("Short summary of the kind of problem", "Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).example(400))
                .addProperty("detail", text("What went wrong this time", "The request has 1 invalid field(s); see errors."))
                .addProperty("instance", text("The path of the request", "/api/v1/missions"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).example(example);
    }
}
