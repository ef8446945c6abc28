package ca.cpa.deployment;

import ca.cpa.runtime.DevTokens;
import ca.cpa.runtime.Directories;
import ca.cpa.runtime.HealthProbe;
import ca.cpa.runtime.LocalSuite;
import ca.cpa.runtime.TcpPorts;
import ca.cpa.testing.SuiteClient;
import ca.cpa.testing.SuiteUnderTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A service as a developer runs it in Quarkus dev mode against {@code ./cpa up --infra}:
 * PostgreSQL (every service's database created), Kafka and the data directory's keys started
 * as {@code --infra} starts them, then mission-service's built application in the {@code dev}
 * profile, given only what a developer gives {@code ./cpa} too (the data directory, the moved
 * ports): its {@code %dev} settings find its database, the broker and the key that verifies
 * {@code ./cpa token}'s tokens. The packaged application rather than {@code quarkus:dev}, which
 * takes a Maven build of its own; the settings are the same.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DevModeTest {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private static LocalSuite infrastructure;
    private static Process service;
    private static URI serviceUrl;
    private static DevTokens tokens;

    @BeforeAll
    static void startTheInfrastructureAndMissionServiceInTheDevProfile() throws IOException {
        Path work = Path.of("target", "cpa-dev-mode").toAbsolutePath();
        Directories.deleteRecursively(work);
        Path data = work.resolve("data");
        String serverOfTheEnvironment = System.getenv("CPA_DB_URL");
        boolean embeddedPostgres = serverOfTheEnvironment == null || serverOfTheEnvironment.isBlank();
        Map<String, String> environment = new HashMap<>(System.getenv());
        if (!embeddedPostgres) {
            environment.put("CPA_DB_NAME_SUFFIX", "_dev_mode"); // apart from ./cpa's databases on that server
        }
        LocalSuite.Ports ports = LocalSuite.Ports.free();
        infrastructure = LocalSuite.prepareInfrastructure(SuiteUnderTest.root(), data, ports, environment).start();
        // what ./cpa token does: a token signed with the data directory's key
        tokens = DevTokens.inDirectory(LocalSuite.keyDirectory(data));

        int port = TcpPorts.free();
        serviceUrl = URI.create("http://localhost:" + port);
        Path module = SuiteUnderTest.root().resolve("mission-service");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=dev", "-jar", module.resolve("target/quarkus-app/quarkus-run.jar").toString())
                .directory(module.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("mission-service.log").toFile());
        Map<String, String> variables = builder.environment();
        // nothing that would pass over the %dev settings under test
        List.of("CPA_JWT_PUBLIC_KEY_LOCATION", "CPA_MISSION_DB_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_HTTP_PORT",
                "QUARKUS_PROFILE").forEach(variables::remove);
        variables.put("CPA_DATA_DIR", data.toString());
        variables.put("CPA_MISSION_PORT", Integer.toString(port));
        if (environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").isBlank()) {
            variables.remove("KAFKA_BOOTSTRAP_SERVERS");
            variables.put("CPA_KAFKA_PORT", Integer.toString(ports.kafka())); // the broker took a free port
        } else {
            variables.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        }
        if (embeddedPostgres) {
            variables.put("CPA_POSTGRES_PORT", Integer.toString(ports.postgres()));
        } else {
            variables.put("CPA_MISSION_DB_URL", infrastructure.databaseUrl("mission-service"));
        }
        service = builder.start();
        awaitReady(work.resolve("mission-service.log"));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aMissionCreatedWithATokenOfTheDataDirectoryIsReadBack() {
        String code = "DEV-" + System.nanoTime() % 1_000_000;
        Response created = as("mission-planner").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"code": "%s", "nameEn": "Mission in dev mode", "nameFr": "Mission en mode dev", "hostCountry": "HT",
                         "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}""".formatted(code))
                .post("/api/v1/missions");
        assertEquals(201, created.statusCode(), created.asString());

        Response read = as("auditor").get("/api/v1/missions/" + created.jsonPath().getString("id"));
        assertEquals(200, read.statusCode(), read.asString());
        assertEquals(code, read.jsonPath().getString("code"));
    }

    @Test
    void withoutATokenOrWithTheCommittedTestKeysTheCallIsRefused() {
        given().baseUri(serviceUrl.toString()).get("/api/v1/missions").then().statusCode(401);
        // the dev profile trusts the data directory's key only, not the key the tests sign with
        String testToken = DevTokens.committed().issue("dev-mission-planner", List.of("mission-planner"), null, Duration.ofMinutes(5));
        given().baseUri(serviceUrl.toString()).auth().oauth2(testToken).get("/api/v1/missions").then().statusCode(401);
    }

    private static RequestSpecification as(String role) {
        return given().baseUri(serviceUrl.toString()).contentType("application/json")
                .auth().oauth2(tokens.issue("dev-" + role, List.of(role), null, Duration.ofMinutes(5)));
    }

    private static void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        URI ready = serviceUrl.resolve("/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                fail("mission-service ended in the dev profile (exit " + service.exitValue() + "):\n" + tail(log));
            }
            if (HealthProbe.answersOk(ready)) {
                return;
            }
            SuiteClient.pause(Duration.ofMillis(250));
        }
        fail("mission-service not ready in the dev profile within " + READY_TIMEOUT + ":\n" + tail(log));
    }


    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
