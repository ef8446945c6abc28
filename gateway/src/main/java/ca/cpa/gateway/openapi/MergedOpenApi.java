package ca.cpa.gateway.openapi;

import ca.cpa.gateway.GatewayConfig;
import ca.cpa.gateway.edge.GatewayProblems;
import ca.cpa.gateway.routing.Downstream;
import ca.cpa.gateway.routing.Downstreams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /q/openapi}: the whole API in one document, merged from the services' own documents
 * on each call (a service that cannot answer contributes the last document it gave), YAML by
 * default and JSON with {@code ?format=json} or {@code Accept: application/json}, as Quarkus
 * serves its own. Swagger UI at {@code /q/swagger-ui} (Quarkus's) reads it.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final YAMLMapper YAML = new YAMLMapper();

    @Inject
    Downstreams downstreams;

    @Inject
    ObjectMapper json;

    @Inject
    GatewayProblems problems;

    @Inject
    GatewayConfig config;

    private final Map<String, JsonNode> lastDocuments = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        router.get("/q/openapi").handler(this::serve);
    }

    private void serve(RoutingContext routing) {
        List<Downstream> services = downstreams.services();
        Future.join(services.stream().map(this::refresh).toList()).onComplete(done -> {
            List<String> missing = services.stream().map(Downstream::name)
                    .filter(name -> !lastDocuments.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                problems.send(routing.request(), 503, "downstream-unavailable", "problem.openapi-incomplete.detail",
                        String.join(", ", missing));
                return;
            }
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            services.forEach(service -> documents.put(service.name(), lastDocuments.get(service.name())));
            ObjectNode merged = OpenApiMerge.withGatewayResponses(OpenApiMerge.merge(documents, info()));
            // relative: one document for the gateway wherever it runs, behind whatever ingress
            merged.putArray("servers").addObject().put("url", "/")
                    .put("description", "This gateway, in every environment (local, staging, production): "
                            + "paths are relative to where this document was read")
                    .put("x-internal", false);
            try {
                if (wantsJson(routing)) {
                    routing.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .end(json.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
                } else {
                    routing.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml;charset=UTF-8")
                            .end(YAML.writeValueAsString(merged));
                }
            } catch (IOException e) {
                routing.fail(e);
            }
        });
    }

    private Future<Void> refresh(Downstream service) {
        List<Downstream.Origin> origins = service.inTurn();
        return fetch(service, origins, 0);
    }

    /** The document of the first replica that answers. */
    private Future<Void> fetch(Downstream service, List<Downstream.Origin> origins, int index) {
        Downstream.Origin origin = origins.get(index);
        return downstreams.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(origin.host())
                        .setPort(origin.port())
                        .setURI("/q/openapi?format=json")
                        .setConnectTimeout(config.timeout().toMillis())
                        .setIdleTimeout(config.timeout().toMillis()))
                .compose(call -> call.request().send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("answered " + response.statusCode()))
                .<Void>map(body -> {
                    try {
                        lastDocuments.put(service.name(), json.readTree(body.getBytes()));
                    } catch (IOException e) {
                        throw new IllegalStateException("unreadable document: " + e.getMessage(), e);
                    }
                    return null;
                })
                .recover(failure -> {
                    if (index + 1 < origins.size()) {
                        return fetch(service, origins, index + 1);
                    }
                    LOG.warnf("the OpenAPI document of %s is unavailable: %s", service.name(), failure.getMessage());
                    return Future.failedFuture(failure);
                });
    }

    private ObjectNode info() {
        ObjectNode info = json.createObjectNode();
        info.put("title", "CPA Deployments API");
        info.put("version", config.apiVersion());
        info.put("description", "The Canadian Police Arrangement workflow: mission requests, the joint decision of "
                + "GAC, PS and the RCMP under Ministerial Authorizations, and the selection, training, deployment "
                + "and support of police officers. Every path is served through this gateway; x-cpa-service names "
                + "the service behind each. Errors are RFC 9457 problem documents (application/problem+json).");
        info.putObject("contact").put("name", "CPA Deployments");
        info.putObject("license").put("name", "Open Government Licence - Canada")
                .put("url", "https://open.canada.ca/en/open-government-licence-canada");
        return info;
    }

    private static boolean wantsJson(RoutingContext routing) {
        String format = routing.request().getParam("format");
        if (format != null) {
            return "json".equalsIgnoreCase(format);
        }
        String accept = routing.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json");
    }
}
