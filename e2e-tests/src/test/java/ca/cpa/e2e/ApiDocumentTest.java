package ca.cpa.e2e;

import ca.cpa.contracts.BreakingChanges;
import ca.cpa.contracts.ContractDocuments;
import ca.cpa.contracts.Releases;
import ca.cpa.testing.NodeTools;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merged OpenAPI document frontend teams build on: complete, lint-clean, and compatible with the last release. */
@ExtendWith(RunningSuite.class)
class ApiDocumentTest {

    /** Every operation CONTRACT.md names (fixed: it may only grow), path parameters written {}. */
    private static final List<String> CONTRACT_OPERATIONS = List.of(
            "POST /api/v1/missions", "GET /api/v1/missions", "GET /api/v1/missions/{}", "PATCH /api/v1/missions/{}",
            "POST /api/v1/missions/{}/evaluations", "GET /api/v1/missions/{}/evaluations",
            "POST /api/v1/mission-requests", "GET /api/v1/mission-requests", "GET /api/v1/mission-requests/{}",
            "POST /api/v1/mission-requests/{}/assessment", "POST /api/v1/mission-requests/{}/submission",
            "POST /api/v1/mission-requests/{}/withdrawal",
            "GET /api/v1/authorization-cases", "GET /api/v1/authorization-cases/{}", "POST /api/v1/authorization-cases",
            "POST /api/v1/authorization-cases/{}/decisions", "GET /api/v1/ministerial-authorizations",
            "GET /api/v1/authorization-cases/{}/history",
            "POST /api/v1/police-services", "GET /api/v1/police-services", "POST /api/v1/officers", "GET /api/v1/officers",
            "GET /api/v1/officers/{}", "PATCH /api/v1/officers/{}", "POST /api/v1/candidacies",
            "POST /api/v1/candidacies/{}/selection", "POST /api/v1/training-courses", "GET /api/v1/training-courses",
            "POST /api/v1/training-courses/{}/enrolments", "POST /api/v1/enrolments/{}/result", "POST /api/v1/deployments",
            "POST /api/v1/deployments/{}/arrival", "POST /api/v1/deployments/{}/repatriation",
            "POST /api/v1/deployments/{}/check-ins", "GET /api/v1/deployments/{}/check-ins",
            // additions, round 2: the lifecycle after planning
            "POST /api/v1/deployments/{}/cancellation", "POST /api/v1/deployments/{}/extension",
            "POST /api/v1/candidacies/{}/release", "GET /api/v1/officers/{}/deployments",
            // additions, round 2: program reporting and history
            "GET /api/v1/reports/program", "GET /api/v1/reports/program.csv", "GET /api/v1/reports/program/history",
            "GET /api/v1/reports/program/history.csv", "POST /api/v1/history/imports", "GET /api/v1/history/imports/{}",
            // additions, round 2: webhooks for partners without Kafka
            "POST /api/v1/webhook-subscriptions", "GET /api/v1/webhook-subscriptions",
            "GET /api/v1/webhook-subscriptions/{}", "DELETE /api/v1/webhook-subscriptions/{}",
            "GET /api/v1/webhook-subscriptions/{}/deliveries", "POST /api/v1/webhook-subscriptions/{}/deliveries/{}/retry");

    /** The statuses of the gateway itself, possible on every operation (CONTRACT.md conventions). */
    private static final Set<String> GATEWAY_STATUSES = Set.of("429", "503", "504");

    @Test
    void everyOperationOfTheContractIsDocumented() throws IOException {
        Set<String> documented = new TreeSet<>();
        MergedDocument.operations().forEach(op -> documented.add(op.method().toUpperCase() + " "
                + op.path().replaceAll("\\{[^}]+}", "{}")));
        List<String> missing = CONTRACT_OPERATIONS.stream().filter(op -> !documented.contains(op)).toList();
        assertEquals(List.of(), missing, "operations of CONTRACT.md missing from the merged document");
        // the list above keeps up with the contract: every /api/v1 path CONTRACT.md names is in it
        Path contract = NodeTools.root().resolve("../shared/design/CONTRACT.md");
        if (Files.exists(contract)) {
            Matcher paths = Pattern.compile("/api/v1/[a-z-]+(/(\\{id}|[a-z-]+(\\.[a-z]+)?))*").matcher(Files.readString(contract));
            while (paths.find()) {
                String path = paths.group().replace("{id}", "{}");
                assertTrue(CONTRACT_OPERATIONS.stream().anyMatch(op -> op.endsWith(" " + path)), path + " of CONTRACT.md");
            }
        }
    }

    @Test
    void noOperationDocumentsAStatusItCannotAnswer() {
        List<String> impossible = new ArrayList<>();
        for (MergedDocument.Operation op : MergedDocument.operations()) {
            Set<String> parameters = new TreeSet<>();
            op.node().path("parameters").forEach(p -> parameters.add(p.path("in").asText() + ":" + p.path("name").asText()));
            boolean body = op.node().has("requestBody");
            boolean input = body || parameters.stream().anyMatch(p -> !p.startsWith("path:"));
            boolean secured = op.node().has("security") || MergedDocument.json().has("security");
            List<String> successes = new ArrayList<>();
            op.node().path("responses").fieldNames().forEachRemaining(status -> {
                String why = switch (status) {
                    case "200", "204" -> null;
                    case "201" -> op.method().equals("post")
                            && op.node().at("/responses/201/headers/Location").isObject() ? null : "201 needs a POST that answers Location";
                    case "304" -> op.method().equals("get") && parameters.contains("header:If-None-Match")
                            && op.node().at("/responses/200/headers/ETag").isObject()
                            ? null : "304 needs a GET that answers an ETag and takes If-None-Match";
                    case "400" -> input ? null : "400 needs a body or a query or header parameter";
                    case "401", "403" -> secured ? null : status + " on an open operation";
                    case "404" -> op.path().contains("{") ? null : "404 needs an id in the path";
                    case "409" -> !op.method().equals("get") ? null : "409 on a read";
                    case "412" -> parameters.contains("header:If-Match") ? null : "412 without If-Match";
                    case "413", "415" -> body ? null : status + " without a body";
                    case "422" -> parameters.contains("header:Idempotency-Key") ? null : "422 without Idempotency-Key";
                    default -> GATEWAY_STATUSES.contains(status) ? null : status + " is not a status this suite answers";
                };
                if (why != null) {
                    impossible.add(op.name() + ": " + why);
                }
                if (status.startsWith("2")) {
                    successes.add(status);
                }
            });
            // a dry run answers 200 where the call itself would create (201)
            boolean dryRun = parameters.contains("query:dryRun") && new TreeSet<>(successes).equals(new TreeSet<>(List.of("200", "201")));
            if (successes.size() != 1 && !dryRun) {
                impossible.add(op.name() + ": success statuses " + successes);
            }
            if (!op.node().path("responses").has("401") || !op.node().path("responses").has("403")) {
                impossible.add(op.name() + ": 401 and 403 undocumented");
            }
        }
        assertEquals(List.of(), impossible);
    }

    @Test
    void everyBodyHasAnExampleAndEveryEnumIsDescribed() {
        List<String> missing = new ArrayList<>();
        for (MergedDocument.Operation op : MergedDocument.operations()) {
            op.node().path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                    missing.add(op.name() + " request " + media.getKey());
                }
            });
            op.node().path("responses").fields().forEachRemaining(response ->
                    MergedDocument.resolve(response.getValue()).path("content").fields().forEachRemaining(media -> {
                        if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                            missing.add(op.name() + " " + response.getKey() + " " + media.getKey());
                        }
                    }));
            if (op.node().path("summary").asText().isBlank() || op.node().path("description").asText().isBlank()) {
                missing.add(op.name() + " summary and description");
            }
        }
        MergedDocument.json().path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (schema.getValue().has("enum") && schema.getValue().path("description").asText().isBlank()) {
                missing.add("enum " + schema.getKey() + " has no description");
            }
        });
        assertEquals(List.of(), missing);
    }

    /** Spectral with its OpenAPI rules and the OWASP API security rules (.spectral.yaml at the root). */
    @Test
    void theDocumentPassesSpectralWithNoErrorAndOnlyTheWarningsTheReadmeExplains() throws IOException {
        NodeTools.Run lint = NodeTools.run("spectral", "lint", MergedDocument.file().toString(), "--format", "json",
                "--quiet", "--fail-severity", "error");
        String json = lint.output().substring(Math.max(0, lint.output().indexOf('[')));
        JsonNode results = ContractDocuments.json().readTree(json);
        TreeMap<String, Integer> errors = new TreeMap<>();
        Set<String> warnings = new TreeSet<>();
        results.forEach(result -> {
            if (result.path("severity").asInt() == 0) {
                errors.merge(result.path("code").asText() + " at " + result.path("path").toString(), 1, Integer::sum);
            } else if (result.path("severity").asInt() == 1) {
                warnings.add(result.path("code").asText());
            }
        });
        assertEquals(new TreeMap<>(), errors, "Spectral errors");
        assertEquals(0, lint.exitCode(), lint.output());
        String readme = Files.readString(NodeTools.root().resolve("docs/contracts.md"));
        String kept = readme.substring(readme.indexOf("### Lint warnings kept"));
        kept = kept.substring(0, kept.indexOf("\n#", 5));
        for (String warning : warnings) {
            assertTrue(kept.contains("`" + warning + "`"), "docs/contracts.md explains why the warning " + warning + " is kept");
        }
    }

    /** The last released document (contracts/released) still holds: clients built on it keep working. */
    @Test
    void noBreakingChangeSinceTheLastRelease() throws IOException {
        Path latest = Releases.latest(NodeTools.root().resolve("contracts/released"));
        JsonNode released = ContractDocuments.json().readTree(latest.resolve("openapi.json").toFile());
        JsonNode current = MergedDocument.json();
        String releasedVersion = released.path("info").path("version").asText();
        String currentVersion = current.path("info").path("version").asText();
        assertTrue(Releases.compare(currentVersion, releasedVersion) >= 0,
                "the document's version " + currentVersion + " is not below the released " + releasedVersion);
        List<String> breaking = BreakingChanges.inOpenApi(released, current);
        boolean newMajor = Releases.major(currentVersion) > Releases.major(releasedVersion);
        assertTrue(newMajor || breaking.isEmpty(),
                "breaking changes since " + releasedVersion + " (a new major version, /api/v2, is the only way to make them):\n"
                        + String.join("\n", breaking));
    }
}
