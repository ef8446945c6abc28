package ca.cpa.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What the {@code ./cpa} script runs: {@code up ROOT [--demo | --infra]} starts the suite (with
 * {@code --infra}, PostgreSQL and Kafka only, for services in Quarkus dev mode) and keeps it
 * running until this process is stopped, starting again a part that ends ({@link Supervisor});
 * {@code token ROLE [--org ORG] [--sub NAME]} prints a
 * development token signed with the data directory's key.
 */
public final class CpaCommand {

    /** The roles a token may carry (docs/security.md). */
    static final List<String> ROLES = List.of("requesting-partner", "mission-planner", "gac-approver", "ps-approver",
            "rcmp-approver", "personnel-officer", "auditor");
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private CpaCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        String command = arguments.isEmpty() ? "" : arguments.remove(0);
        try {
            switch (command) {
                case "up" -> up(arguments);
                case "token" -> System.out.println(token(arguments));
                default -> throw new IllegalArgumentException("usage: up ROOT [--demo | --infra] | token ROLE [--org ORG] [--sub NAME]");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("cpa: " + e.getMessage());
            System.exit(e instanceof IllegalArgumentException ? 2 : 1);
        }
    }

    private static Path dataDir(Path root) {
        String configured = System.getenv("CPA_DATA_DIR");
        return configured == null || configured.isBlank() ? root.resolve(".cpa") : Path.of(configured).toAbsolutePath();
    }

    private static void up(List<String> arguments) throws InterruptedException {
        boolean demo = arguments.remove("--demo");
        boolean infrastructure = arguments.remove("--infra");
        if (demo && infrastructure) {
            throw new IllegalArgumentException("--demo loads its data through the services, which --infra does not start");
        }
        Path root = Path.of(arguments.isEmpty() ? "." : arguments.get(0)).toAbsolutePath().normalize();
        Path data = dataDir(root);
        Map<String, String> environment = System.getenv();
        LocalSuite.Ports ports = LocalSuite.Ports.fromEnvironment(environment);
        LocalSuite suite = infrastructure ? LocalSuite.prepareInfrastructure(root, data, ports, environment)
                : LocalSuite.prepare(root, data, ports, environment);
        CountDownLatch stopped = new CountDownLatch(1);
        // Stopping this process stops everything it started, even while it is still starting.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.close();
            deleteQuietly(data.resolve("suite.ready"));
            stopped.countDown();
        }, "cpa-stop"));
        deleteQuietly(data.resolve("suite.ready"));
        suite.start().supervise();

        StringBuilder info = new StringBuilder(infrastructure ? infrastructureSummary(suite, root, data, ports) : summary(suite, data));
        if (demo) {
            info.append("\nDemo data:\n");
            new DemoData(suite.gatewayUrl(), suite.tokens(), root).load().forEach(line -> info.append("  ").append(line).append('\n'));
        }
        write(data.resolve("suite.info"), info.toString());
        write(data.resolve("suite.ready"), suite.startupTime().toString());
        System.out.print(info);
        System.out.flush();
        stopped.await();
    }

    private static String token(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("usage: ./cpa token ROLE [--org ORG] [--sub NAME]; roles: " + String.join(", ", ROLES));
        }
        String role = arguments.remove(0);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; the roles are " + String.join(", ", ROLES));
        }
        String organization = option(arguments, "--org");
        String subject = option(arguments, "--sub");
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("unexpected " + String.join(" ", arguments));
        }
        if ("requesting-partner".equals(role) && organization == null) {
            throw new IllegalArgumentException("a requesting-partner acts for an organization: add --org, e.g. --org UN-DPO");
        }
        Path root = Path.of(".").toAbsolutePath().normalize();
        DevTokens tokens = DevTokens.inDirectory(LocalSuite.keyDirectory(dataDir(root)));
        return tokens.issue(subject != null ? subject : "dev-" + role, List.of(role), organization, TOKEN_LIFETIME);
    }

    private static String option(List<String> arguments, String name) {
        int at = arguments.indexOf(name);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= arguments.size() || arguments.get(at + 1).isBlank()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = arguments.get(at + 1);
        arguments.subList(at, at + 2).clear();
        return value;
    }

    private static String summary(LocalSuite suite, Path data) {
        String gateway = suite.gatewayUrl().toString();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nCPA Deployments is running (all ready in %.1f s).%n", suite.startupTime().toMillis() / 1000.0));
        line(text, "gateway", gateway + "   (the whole API: /api/v1/...)");
        line(text, "Swagger UI", gateway + "/q/swagger-ui");
        line(text, "OpenAPI", gateway + "/q/openapi");
        for (String service : LocalSuite.SERVICE_NAMES) {
            if (!service.equals("gateway")) {
                line(text, service, String.join(", ", suite.replicaUrls(service).stream().map(Object::toString).toList()));
            }
        }
        line(text, "Kafka", suite.bootstrapServers());
        line(text, "data, logs", data + "   (./cpa logs [SERVICE])");
        text.append("\nA token (8 h) for a role (docs/security.md):  ./cpa token mission-planner\n")
                .append("  a requesting partner:  ./cpa token requesting-partner --org UN-DPO\n")
                .append("  then:  curl -H \"Authorization: Bearer $(./cpa token mission-planner)\" ")
                .append(gateway).append("/api/v1/missions\n")
                .append("Stop everything with ./cpa stop\n");
        return text.toString();
    }

    /**
     * Where PostgreSQL and Kafka are, and how a service in dev mode finds them: its {@code %dev}
     * settings assume the usual ports and data directory, so any that differ are named as the
     * variables to set for it.
     */
    private static String infrastructureSummary(LocalSuite suite, Path root, Path data, LocalSuite.Ports ports) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nPostgreSQL and Kafka are running (ready in %.1f s), for the services in dev mode.%n",
                suite.startupTime().toMillis() / 1000.0));
        for (String service : LocalSuite.SERVICE_NAMES) {
            if (!service.equals("gateway")) {
                line(text, service, suite.databaseUrl(service));
            }
        }
        line(text, "Kafka", suite.bootstrapServers());
        line(text, "keys", LocalSuite.keyDirectory(data) + "   (./cpa token's, webhook-service's secret key)");
        line(text, "data, logs", data + "   (./cpa logs postgres, ./cpa logs kafka)");
        List<String> variables = new ArrayList<>();
        String serverUrl = System.getenv("CPA_DB_URL");
        if (serverUrl != null && !serverUrl.isBlank()) {
            variables.add("CPA_MISSION_DB_URL=" + suite.databaseUrl("mission-service")); // each service its own
        } else if (ports.postgres() != 5432) {
            variables.add("CPA_POSTGRES_PORT=" + ports.postgres());
        }
        String brokerOfTheEnvironment = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (brokerOfTheEnvironment != null && !brokerOfTheEnvironment.isBlank()) {
            variables.add("KAFKA_BOOTSTRAP_SERVERS=" + brokerOfTheEnvironment);
        } else if (ports.kafka() != 9092) {
            variables.add("CPA_KAFKA_PORT=" + ports.kafka());
        }
        if (!data.equals(root.resolve(".cpa"))) {
            variables.add("CPA_DATA_DIR=" + data);
        }
        text.append("\nA service in dev mode (live reload), on the port ./cpa up gives it:\n  ");
        if (!variables.isEmpty()) {
            text.append(String.join(" ", variables)).append(' ');
        }
        text.append("./mvnw quarkus:dev -pl mission-service\n")
                .append("A token (8 h) for a role (docs/security.md):  ./cpa token mission-planner\n")
                .append("Stop PostgreSQL and Kafka with ./cpa stop\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-23s%s%n", label, value));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next up replaces it anyway
        }
    }
}
