package ca.cpa.gateway.asyncapi;

import ca.cpa.contracts.ContractDocuments;
import ca.cpa.gateway.edge.GatewayProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;

/**
 * The event contract for integration partners: {@code /q/asyncapi} is the AsyncAPI 3.0
 * document with every event schema inlined (YAML; JSON with {@code ?format=json}), and
 * {@code /q/asyncapi/events/<type>.schema.json} each event type's JSON Schema alone, the one
 * an event's {@code ce_dataschema} names.
 */
@ApplicationScoped
public class EventCatalogue {

    private static final String SCHEMA_MEDIA_TYPE = "application/schema+json";

    @Inject
    GatewayProblems problems;

    private String yaml;
    private String json;
    private final Map<String, String> schemaFiles = new TreeMap<>();

    void install(@Observes Router router) throws JsonProcessingException {
        ContractDocuments documents = ContractDocuments.current();
        JsonNode bundled = documents.bundledAsyncApi();
        yaml = ContractDocuments.yaml().writeValueAsString(bundled);
        json = ContractDocuments.json().writerWithDefaultPrettyPrinter().writeValueAsString(bundled);
        for (Map.Entry<String, JsonNode> schema : documents.schemasByType().entrySet()) {
            schemaFiles.put(schema.getKey() + ".schema.json",
                    ContractDocuments.json().writerWithDefaultPrettyPrinter().writeValueAsString(schema.getValue()));
        }
        router.get("/q/asyncapi").handler(this::document);
        router.get("/q/asyncapi/events/:file").handler(this::schema);
    }

    private void document(RoutingContext routing) {
        if ("json".equalsIgnoreCase(routing.request().getParam("format"))) {
            routing.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
        } else {
            routing.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml;charset=UTF-8").end(yaml);
        }
    }

    private void schema(RoutingContext routing) {
        String schema = schemaFiles.get(routing.pathParam("file"));
        if (schema == null) {
            problems.send(routing.request(), 404, "not-found", "problem.no-event-schema.detail", routing.pathParam("file"));
            return;
        }
        routing.response().putHeader(HttpHeaders.CONTENT_TYPE, SCHEMA_MEDIA_TYPE).end(schema);
    }
}
