package ca.cpa.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite on one machine, as {@code ./cpa up} starts it: PostgreSQL (the server of
 * {@code CPA_DB_URL}, else an embedded one), a Kafka broker (unless
 * {@code KAFKA_BOOTSTRAP_SERVERS}), then every service that has been built, each with a
 * database of its own. Everything it starts keeps its data and log under the data directory,
 * and everything stops when this process is told to stop. A part that cannot start stops
 * what was already started and names its log.
 */
public final class LocalSuite {

    /** The services of the suite, in start order; a service not built yet is left out. */
    private record Service(String name, int port, String database) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("mission-service", 8081, "cpa_mission"),
            new Service("personnel-service", 8082, "cpa_personnel"),
            new Service("authorization-service", 8083, "cpa_authorization"),
            new Service("gateway", 8080, null));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final Path dataDir;
    private final List<Process> processes = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker broker;

    private LocalSuite(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> {
                Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
                Path data = Path.of(System.getenv().getOrDefault("CPA_DATA_DIR", root.resolve(".cpa").toString()));
                new LocalSuite(root, data).runUntilStopped();
            }
            case "token" -> {
                if (args.length < 2) {
                    System.err.println("usage: token ROLE [ORGANIZATION]");
                    System.exit(2);
                }
                System.out.println(DevTokens.issue("dev-" + args[1], List.of(args[1]), args.length > 2 ? args[2] : null,
                        Duration.ofHours(8)));
            }
            default -> {
                System.err.println("unknown command " + command + " (up, token)");
                System.exit(2);
            }
        }
    }

    private void runUntilStopped() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "cpa-stop"));
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Files.deleteIfExists(dataDir.resolve("suite.ready"));
            start();
        } catch (RuntimeException | IOException e) {
            System.err.println("cpa: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start() throws IOException {
        int postgresPort = Integer.parseInt(System.getenv().getOrDefault("CPA_POSTGRES_PORT", "5432"));
        String dbUrl = System.getenv("CPA_DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            requireFree(postgresPort, "PostgreSQL", "set CPA_DB_URL to use the server there, or CPA_POSTGRES_PORT");
        }
        postgres = PostgresServer.fromEnvironmentOrEmbedded(dataDir.resolve("postgres"), postgresPort, false);
        say("PostgreSQL ready (" + (postgres.isEmbedded() ? "embedded, port " + postgresPort : dbUrl) + ")");

        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            requireFree(9092, "Kafka", "set KAFKA_BOOTSTRAP_SERVERS to use the broker there");
            broker = new KafkaBroker(dataDir.resolve("kafka"), 9092, "512m").start();
            bootstrap = broker.bootstrapServers();
        }
        say("Kafka ready (" + bootstrap + ")");

        List<Service> started = new ArrayList<>();
        for (Service service : SERVICES) {
            Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                continue;
            }
            requireFree(service.port(), service.name(), "stop what listens there");
            processes.add(launch(service, jar, bootstrap));
            started.add(service);
        }
        for (Service service : started) {
            awaitReady(service, processes.get(started.indexOf(service)));
            say(service.name() + " ready on http://localhost:" + service.port());
        }
        String summary = summary(started, bootstrap);
        Files.writeString(dataDir.resolve("suite.info"), summary);
        Files.writeString(dataDir.resolve("suite.ready"), Instant.now().toString());
        System.out.print(summary);
        System.out.flush();
    }

    private Process launch(Service service, Path jar, String bootstrap) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.putIfAbsent("CPA_JWT_PUBLIC_KEY_LOCATION", "cpa-dev-jwt-public.pem");
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        return builder.start();
    }

    private void awaitReady(Service service, Process process) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        URI ready = URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " stopped while starting; see " + log(service));
            }
            if (answersOk(ready)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(service.name() + " not ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + log(service));
    }

    private static boolean answersOk(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private String summary(List<Service> started, String bootstrap) {
        StringBuilder text = new StringBuilder("\nCPA Deployments is running.\n");
        for (Service service : started) {
            text.append(String.format("  %-22s http://localhost:%d  (OpenAPI: /q/openapi, health: /q/health)%n",
                    service.name(), service.port()));
        }
        text.append("  Kafka                  ").append(bootstrap).append('\n');
        text.append("  data and logs          ").append(dataDir).append('\n');
        text.append("\nA development token (8 h) for a role:  ./cpa token mission-planner\n")
                .append("  a requesting partner of an organization:  ./cpa token requesting-partner UN-DPO\n")
                .append("  then: curl -H \"Authorization: Bearer $(./cpa token mission-planner)\" http://localhost:8081/api/v1/missions\n")
                .append("Stop everything with ./cpa down\n");
        return text.toString();
    }

    private void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        try {
            Files.deleteIfExists(dataDir.resolve("suite.ready"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log(Service service) {
        return dataDir.resolve("logs").resolve(service.name() + ".log");
    }

    private static void requireFree(int port, String part, String remedy) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException(part + " cannot start: port " + port + " is already taken (" + remedy + ")");
        }
    }

    private static void say(String line) {
        System.out.println("cpa: " + line);
        System.out.flush();
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
