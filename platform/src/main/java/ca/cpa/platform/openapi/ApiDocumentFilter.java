package ca.cpa.platform.openapi;

import ca.cpa.platform.core.problem.Problem;
import ca.cpa.platform.http.Idempotency;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completes every service's OpenAPI document the same way, so that no operation forgets a part.
 * <ul>
 * <li>Problem responses, from what the operation is: all are secured (401, 403) and may lose
 * their database (503); a path with an id can be unknown (404); input can be invalid (400) or of
 * the wrong type (415). The statuses an operation adds by its own rules (409, 412, 422) it names
 * in the extension {@code x-cpa-problems}, e.g. {@code @Extension(name = "x-cpa-problems", value = "409,412")}.
 * Each with an example.</li>
 * <li>The shape of the headers every service uses (Location, ETag, If-Match, Idempotency-Key)
 * and the bounds of the shared value types (UUID, Instant, LocalDate).</li>
 * <li>A read that answers an ETag (its 200 documents one) takes If-None-Match and may answer
 * 304 ({@link ca.cpa.platform.http.ConditionalReads}).</li>
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {

    public static final String EXTENSION = "x-cpa-problems";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String PROBLEM_RESPONSE_PREFIX = "Problem";

    /** What each problem status means, and an example of its document (kind, title, detail). */
    private record ProblemStatus(String description, String kind, String title, String detail) {
    }

    private static final Map<String, ProblemStatus> PROBLEM_STATUSES = Map.ofEntries(
            Map.entry("400", new ProblemStatus("Malformed or invalid input; `errors` names each invalid field",
                    "invalid-request", "Invalid request", "The request has 1 invalid field(s); see errors.")),
            Map.entry("401", new ProblemStatus("Missing, invalid or expired bearer token",
                    "unauthenticated", "Authentication required", "A valid bearer token is required.")),
            Map.entry("403", new ProblemStatus("The caller's role or organization does not allow this",
                    "forbidden", "Forbidden", "Your role does not allow this.")),
            Map.entry("404", new ProblemStatus("No resource with this id, or the caller may not see it",
                    "not-found", "Not found", "No resource with this id exists, or you may not see it.")),
            Map.entry("409", new ProblemStatus("The resource's state does not allow this (illegal transition, duplicate, concurrent change)",
                    "conflict", "Conflict", "This is not allowed in the resource's current state.")),
            Map.entry("412", new ProblemStatus("If-Match names a stale version",
                    "precondition-failed", "Precondition failed", "The resource changed since you read it; its version is now 3.")),
            Map.entry("415", new ProblemStatus("The body is not application/json",
                    "unsupported-media-type", "Unsupported media type", "Send application/json.")),
            Map.entry("422", new ProblemStatus("The Idempotency-Key was already used with another body",
                    "idempotency-key-reused", "Idempotency key reused", "This Idempotency-Key was used with another body.")),
            Map.entry("503", new ProblemStatus("The service cannot reach its database; retry later",
                    "service-unavailable", "Service unavailable", "The service is unavailable; retry later.")));
    private static final ProblemStatus OTHER_PROBLEM = new ProblemStatus("Problem", "problem", "Problem", "Something went wrong.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        boundValueTypes(components);
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> {
                    document(path, operation, components);
                    shapeHeaders(operation);
                    if (method == PathItem.HttpMethod.GET) {
                        conditional(operation);
                    }
                    exemplify(operation, schemas);
                });
            }
        });
    }

    private static void document(String path, Operation operation, Components components) {
        Set<String> statuses = new TreeSet<>(List.of("401", "403", "503"));
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (operation.getRequestBody() != null) {
            statuses.add("400");
            statuses.add("415");
        }
        List<Parameter> parameters = operation.getParameters();
        if (parameters != null && parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            statuses.add("400");
        }
        Object declared = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        if (declared != null) {
            for (String status : declared.toString().split(",")) {
                statuses.add(status.trim());
            }
            operation.removeExtension(EXTENSION);
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        statuses.forEach(status -> {
            // Quarkus documents 401 and 403 of secured operations itself, without a body: replace those.
            if (!responses.hasAPIResponse(status) || responses.getAPIResponse(status).getContent() == null) {
                String name = PROBLEM_RESPONSE_PREFIX + status;
                if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
                    components.addResponse(name, problemResponse(status));
                }
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            }
        });
        operation.setResponses(responses);
    }

    /** One problem response per status, in components.responses: every operation refers to it. */
    private static APIResponse problemResponse(String status) {
        return OASFactory.createAPIResponse()
                .description(PROBLEM_STATUSES.getOrDefault(status, OTHER_PROBLEM).description())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))
                                .example(example(status))));
    }

    private static Map<String, Object> example(String status) {
        ProblemStatus example = PROBLEM_STATUSES.getOrDefault(status, OTHER_PROBLEM);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problem.TYPE_PREFIX + example.kind());
        problem.put("title", example.title());
        problem.put("status", Integer.parseInt(status));
        problem.put("detail", example.detail());
        problem.put("instance", "/api/v1/mission-requests/" + ValueFormat.UUID.example);
        if (status.equals("400")) {
            problem.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
        }
        return problem;
    }

    /**
     * An example for every JSON body sent or answered, composed from its fields' examples, so
     * that each operation shows a whole document (Swagger UI and generated clients show it).
     */
    private static void exemplify(Operation operation, Map<String, Schema> schemas) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> exemplify(media, schemas));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                if (response.getContent() != null) {
                    response.getContent().getMediaTypes().values().forEach(media -> exemplify(media, schemas));
                }
            });
        }
    }

    private static void exemplify(MediaType media, Map<String, Schema> schemas) {
        if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())
                && media.getSchema() != null) {
            media.example(ExampleComposer.compose(media.getSchema(), schemas));
        }
    }

    /** Location, ETag and the request headers of every service, shaped once. */
    private static void shapeHeaders(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                bound(parameter.getSchema());
                if (parameter.getIn() == Parameter.In.HEADER && "Idempotency-Key".equals(parameter.getName())) {
                    parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .minLength(1).maxLength(200).pattern("^[\\x21-\\x7E]+$"));
                } else if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equals(parameter.getName())) {
                    parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .maxLength(200).pattern("^(\\*|(W/)?\"[0-9]+\"(\\s*,\\s*(W/)?\"[0-9]+\")*)$"));
                }
            }
        }
        if (operation.getResponses() == null) {
            return;
        }
        boolean takesIdempotencyKey = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                        && Idempotency.HEADER.equals(parameter.getName()));
        // every create answers Location and ETag; one that takes an Idempotency-Key, a marker on a replay
        APIResponse created = operation.getResponses().getAPIResponse("201");
        if (created != null) {
            for (String name : List.of("Location", "ETag")) {
                if (created.getHeaders() == null || !created.getHeaders().containsKey(name)) {
                    created.addHeader(name, OASFactory.createHeader());
                }
            }
            if (takesIdempotencyKey) {
                created.addHeader(Idempotency.REPLAYED_HEADER, replayedHeader());
            }
        }
        // a state transition sent with an Idempotency-Key: its ETag, and the same marker on a replay
        APIResponse changed = operation.getResponses().getAPIResponse("200");
        if (changed != null && takesIdempotencyKey) {
            if (changed.getHeaders() == null || !changed.getHeaders().containsKey("ETag")) {
                changed.addHeader("ETag", OASFactory.createHeader());
            }
            changed.addHeader(Idempotency.REPLAYED_HEADER, replayedHeader());
        }
        operation.getResponses().getAPIResponses().values().forEach(response -> {
            if (response.getHeaders() == null) {
                return;
            }
            response.getHeaders().forEach((name, header) -> {
                if (name.equals("Location")) {
                    header.description("Where the created resource is read").schema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING).format("uri").maxLength(2048));
                } else if (name.equals("ETag")) {
                    header.description("The version answered: for If-None-Match, and for If-Match where it can be changed");
                    // a resource's version, unless the operation says what else its tag is
                    if (header.getSchema() == null || header.getSchema().getPattern() == null) {
                        header.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .pattern("^\"[0-9]+\"$").maxLength(21).example("\"3\""));
                    }
                }
            });
        });
    }

    /** A read whose 200 answers an ETag: If-None-Match, and the 304 it then answers, with the same ETag. */
    private static void conditional(Operation operation) {
        APIResponse read = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        Header etag = read == null || read.getHeaders() == null ? null : read.getHeaders().get("ETag");
        if (etag == null) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("The ETag of the copy the caller has: while it is current, the answer is 304 without a body")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)
                        .pattern("^(\\*|(W/)?\"[0-9a-f]+\"(\\s*,\\s*(W/)?\"[0-9a-f]+\")*)$")));
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names the current ETag; no body, the copy the caller has is current")
                .addHeader("ETag", OASFactory.createHeader().description(etag.getDescription()).schema(etag.getSchema())));
    }

    private static Header replayedHeader() {
        return OASFactory.createHeader()
                .description("true when this is the answer to an earlier request with the same Idempotency-Key")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true").maxLength(4));
    }

    /** The value types every document shares: their text is bounded, as PostgreSQL and Java bound them. */
    private static void boundValueTypes(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().values().forEach(schema -> {
            // UUID, Instant, LocalDate
            ValueFormat.of(schema.getFormat()).ifPresent(value -> schema.maxLength(value.maxLength).example(value.example));
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    if (name.equals("country") || name.equals("hostCountry")) { // @CountryCode: ISO 3166-1 alpha-2
                        property.maxLength(2).pattern("^[A-Z]{2}$");
                    }
                    bound(property);
                });
            }
            // the API convention: a languages field is always a list of ISO 639-1 codes
            Schema languages = schema.getProperties() == null ? null : schema.getProperties().get("languages");
            if (languages != null && languages.getItems() != null) {
                languages.getItems().maxLength(2).pattern("^[a-z]{2}$").description("ISO 639-1").example("fr");
            }
        });
    }

    /**
     * The bounds Java and PostgreSQL give a value without saying so: this suite's integers are
     * counts, ceilings and versions (never negative, at most their Java type's maximum), and
     * ids, dates and instants have a fixed length.
     */
    private static void bound(Schema schema) {
        if (schema == null || schema.getType() == null) {
            return;
        }
        if (schema.getType().contains(Schema.SchemaType.INTEGER)) {
            if (schema.getMinimum() == null) {
                schema.minimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.maximum(BigDecimal.valueOf("int64".equals(schema.getFormat()) ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        } else if (schema.getType().contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null) {
            ValueFormat.of(schema.getFormat()).ifPresent(value -> schema.maxLength(value.maxLength));
        }
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                        .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Long.MAX_VALUE))
                        .description("In an uploaded file, the row that holds the invalid field (1 for the first row after the header; 0 for the header); absent otherwise")
                        .example(12))
                .addProperty("field", text("The invalid field, as a path into the body", "positions[0].count", 500))
                .addProperty("message", text("What is wrong with it, in the response's language", "must be greater than or equal to 1", 1000));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; title, detail and messages in English or French by Accept-Language")
                .addProperty("type", text("Identifies the kind of problem", "urn:cpa:problem:invalid-request", 200).format("uri"))
                .addProperty("title", text("Short summary of the kind of problem", "Invalid request", 200))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).example(400))
                .addProperty("detail", text("What went wrong this time", "The request has 1 invalid field(s); see errors.", 2000))
                .addProperty("instance", text("The path of the request", "/api/v1/missions", 2048).format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(Problem.MAX_FIELD_ERRORS).items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    private static Schema text(String description, String example, int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).example(example)
                .maxLength(maxLength);
    }
}
