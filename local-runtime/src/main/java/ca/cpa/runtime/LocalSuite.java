package ca.cpa.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole suite on one machine, as {@code ./cpa up} and the end-to-end tests start it:
 * PostgreSQL (the server of {@code CPA_DB_URL}, else an embedded one), a Kafka broker (unless
 * {@code KAFKA_BOOTSTRAP_SERVERS}), the three domain services, reporting-service and
 * webhook-service, each with a database of its own, and the gateway in front of them. Everything
 * it starts keeps its data and log under the data directory and trusts the development key kept
 * there; webhook-service encrypts its partners' secrets with a key kept there too. A part that cannot start stops what
 * was already started and names its log. Once {@link #supervise() supervised}, a part that ends
 * without being stopped on purpose is started again ({@link Supervisor}). Started
 * {@link #prepareInfrastructure without the services}, it is PostgreSQL and Kafka only.
 */
public final class LocalSuite implements AutoCloseable {

    /** Where each part listens. */
    public record Ports(int gateway, int mission, int personnel, int authorization, int reporting, int webhook,
                        int postgres, int kafka) {

        /** The usual local ports (docs/configuration.md), each overridable by its variable ({@code CPA_GATEWAY_PORT}, ...). */
        public static Ports fromEnvironment(Map<String, String> environment) {
            return new Ports(port(environment, "CPA_GATEWAY_PORT", 8080), port(environment, "CPA_MISSION_PORT", 8081),
                    port(environment, "CPA_PERSONNEL_PORT", 8082), port(environment, "CPA_AUTHORIZATION_PORT", 8083),
                    port(environment, "CPA_REPORTING_PORT", 8084), port(environment, "CPA_WEBHOOK_PORT", 8085),
                    port(environment, "CPA_POSTGRES_PORT", 5432), port(environment, "CPA_KAFKA_PORT", 9092));
        }

        /** Free ports, for a suite beside another one (the tests); the broker picks its own (0). */
        public static Ports free() {
            return new Ports(TcpPorts.free(), TcpPorts.free(), TcpPorts.free(), TcpPorts.free(), TcpPorts.free(),
                    TcpPorts.free(), TcpPorts.free(), 0);
        }

        private static int port(Map<String, String> environment, String variable, int fallback) {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(variable + " must be a port number, not " + value);
            }
        }
    }

    /** A built Quarkus application, with its own database unless it is the gateway. */
    private record Service(String name, String database) {
        int port(Ports ports) {
            return switch (name) {
                case "gateway" -> ports.gateway();
                case "mission-service" -> ports.mission();
                case "personnel-service" -> ports.personnel();
                case "authorization-service" -> ports.authorization();
                case "reporting-service" -> ports.reporting();
                case "webhook-service" -> ports.webhook();
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    /** A process of the suite: one replica of a service, on a port of its own. */
    private record Instance(Service service, int replica, int port) {
        String name() {
            return replica == 1 ? service.name() : service.name() + "-" + replica;
        }

        URI url() {
            return URI.create("http://localhost:" + port);
        }
    }

    public static final List<String> SERVICE_NAMES = List.of("mission-service", "personnel-service",
            "authorization-service", "reporting-service", "webhook-service", "gateway");
    private static final List<Service> SERVICES = List.of(
            new Service("mission-service", "cpa_mission"),
            new Service("personnel-service", "cpa_personnel"),
            new Service("authorization-service", "cpa_authorization"),
            new Service("reporting-service", "cpa_reporting"),
            new Service("webhook-service", "cpa_webhook"),
            new Service("gateway", null));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /**
     * The services' JVM options unless {@code CPA_JAVA_OPTS} says otherwise: a small heap and the
     * serial collector, which on a few shared cores costs less CPU and memory than G1 (no
     * collector threads, no remembered sets) for heaps this size.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC";
    /** The local broker's heap: ample for the suite's few topics and its rate of events. */
    private static final String BROKER_HEAP = "256m";

    private final Path root;
    private final Path dataDir;
    private final Ports ports;
    private final Map<String, String> environment;
    /** Settings for one service only, on top of {@link #environment}: by service name. */
    private final Map<String, Map<String, String>> serviceEnvironments;
    private final DevTokens tokens;
    /** The key webhook-service encrypts its subscriptions' secrets with: the same for every replica and every start. */
    private final String webhookSecretKey;
    private final List<Instance> instances;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** By replica: the archive its process records, put in place once that process has ended ({@link StartupArchive}). */
    private final Map<String, CompletableFuture<Void>> archiving = new ConcurrentHashMap<>();
    /** The processes recording an archive. */
    private final Set<Process> recording = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> readyTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private PostgresServer postgres;
    private KafkaBroker broker;
    private String bootstrapServers;
    private Duration startupTime;
    private boolean closed;
    private Supervisor supervisor;

    private LocalSuite(Path root, Path dataDir, Ports ports, Map<String, String> environment,
                       Map<String, Map<String, String>> serviceEnvironments, boolean withServices) {
        serviceEnvironments.keySet().forEach(LocalSuite::service); // refuses a name that is no service's
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
        this.environment = environment;
        this.serviceEnvironments = serviceEnvironments;
        this.tokens = DevTokens.inDirectory(keyDirectory(dataDir));
        this.webhookSecretKey = WebhookSecretKey.of(environment, keyDirectory(dataDir));
        this.instances = withServices ? instances(ports, replicas(environment)) : List.of();
    }

    /** The first replica of each service on its port of {@code ports}, further ones on free ports. */
    private static List<Instance> instances(Ports ports, int replicas) {
        List<Instance> instances = new ArrayList<>();
        for (Service service : SERVICES) {
            int count = service.database() == null ? 1 : replicas;
            for (int replica = 1; replica <= count; replica++) {
                instances.add(new Instance(service, replica, replica == 1 ? service.port(ports) : TcpPorts.free()));
            }
        }
        return List.copyOf(instances);
    }

    private static int replicas(Map<String, String> environment) {
        String value = environment.getOrDefault("CPA_SERVICE_REPLICAS", "1").trim();
        try {
            int replicas = Integer.parseInt(value);
            if (replicas >= 1) {
                return replicas;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new IllegalArgumentException("CPA_SERVICE_REPLICAS must be a number from 1, not " + value);
    }

    /**
     * A suite that will run from the built jars under {@code root}, keep its data in
     * {@code dataDir}, listen on {@code ports}, and give its processes {@code environment}
     * (configuration such as {@code CPA_RATE_LIMIT_RPS} included). {@code CPA_SERVICE_REPLICAS}
     * in it runs that many replicas of each service behind the gateway (the first on its port
     * of {@code ports}, the others on free ports), sharing the service's database. Nothing runs yet.
     */
    public static LocalSuite prepare(Path root, Path dataDir, Ports ports, Map<String, String> environment) {
        return prepare(root, dataDir, ports, environment, Map.of());
    }

    /**
     * As {@link #prepare(Path, Path, Ports, Map)}, and each service named in {@code serviceEnvironments}
     * (every replica of it) also gets the variables given for it, over the shared ones: settings
     * that differ by service, such as each one's own Kafka login ({@code KAFKA_SASL_JAAS_CONFIG}).
     */
    public static LocalSuite prepare(Path root, Path dataDir, Ports ports, Map<String, String> environment,
                                     Map<String, Map<String, String>> serviceEnvironments) {
        Map<String, Map<String, String>> copies = new LinkedHashMap<>();
        serviceEnvironments.forEach((service, variables) -> copies.put(service, Map.copyOf(variables)));
        return new LocalSuite(root, dataDir, ports, Map.copyOf(environment), Map.copyOf(copies), true);
    }

    /**
     * What the services need and nothing more ({@code ./cpa up --infra}): PostgreSQL with each
     * service's database and a Kafka broker, as {@link #prepare(Path, Path, Ports, Map)} would
     * start them, and the data directory's signing key and webhook secret key, for services run
     * apart (in Quarkus dev mode, {@code %dev} in their application.properties). Nothing runs yet.
     */
    public static LocalSuite prepareInfrastructure(Path root, Path dataDir, Ports ports, Map<String, String> environment) {
        return new LocalSuite(root, dataDir, ports, Map.copyOf(environment), Map.of(), false);
    }

    /** Starts everything and returns when all is ready; on failure, what had started is stopped. */
    public LocalSuite start() {
        try {
            startAll();
            return this;
        } catch (RuntimeException | IOException e) {
            close();
            throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
        }
    }

    /** The signing key of this data directory: every process of the suite trusts its tokens. */
    public static Path keyDirectory(Path dataDir) {
        return dataDir.resolve("keys");
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + ports.gateway());
    }

    /** Where the first replica of {@code service} listens. */
    public URI serviceUrl(String service) {
        return replicaUrls(service).get(0);
    }

    /** Where each replica of {@code service} listens, the first first. */
    public List<URI> replicaUrls(String service) {
        return instancesOf(service).stream().map(Instance::url).toList();
    }

    /** The JDBC URL of {@code service}'s own database, created if missing. */
    public String databaseUrl(String service) {
        Service owner = service(service);
        if (owner.database() == null) {
            throw new IllegalArgumentException(service + " has no database");
        }
        return postgres.ensureDatabase(databaseName(owner));
    }

    /** A new connection to {@code service}'s own database, for checks that read what it keeps. */
    public Connection database(String service) throws SQLException {
        return DriverManager.getConnection(databaseUrl(service), postgres.user(), postgres.password());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public DevTokens tokens() {
        return tokens;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** How long each process (the broker and an embedded PostgreSQL too) took from its launch to being ready, at its last start. */
    public Map<String, Duration> readyTimes() {
        synchronized (readyTimes) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(readyTimes));
        }
    }

    /** The operating system's id of each process the suite runs: services, the broker and an embedded PostgreSQL. */
    public synchronized Map<String, Long> processIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        processes.forEach((name, process) -> ids.put(name, process.pid()));
        if (broker != null && broker.pid() != null) {
            ids.put("kafka", broker.pid());
        }
        if (postgres != null && postgres.pid() != null) {
            ids.put("postgres", postgres.pid());
        }
        return ids;
    }

    /**
     * From now on, a part (a replica, the gateway, the broker and the embedded PostgreSQL this suite
     * started) that ends without being stopped on purpose is started again, and one that keeps
     * ending is given up on, as {@link Supervisor} and the {@code CPA_RESTART_*} variables of the
     * environment say. What this class stops or kills on purpose ({@link #stopService},
     * {@link #killBroker}, ...) stays stopped. The state of each part is written to
     * {@code suite.status} in the data directory.
     */
    public synchronized LocalSuite supervise() {
        if (closed || supervisor != null) {
            throw new IllegalStateException(closed ? "the suite is stopped" : "the suite is supervised already");
        }
        Supervisor.Policy policy = Supervisor.Policy.fromEnvironment(environment);
        List<Supervisor.Part> parts = new ArrayList<>();
        if (postgres.isEmbedded()) {
            parts.add(new PostgresPart(postgres));
        }
        if (broker != null) {
            parts.add(new BrokerPart(broker));
        }
        instances.forEach(instance -> parts.add(new ServicePart(instance)));
        supervisor = Supervisor.start(parts, policy, dataDir, this::note);
        note("supervising " + parts.size() + " parts (a part that ends is started again; " + policy.maxExits()
                + " exits within " + policy.window().toSeconds() + " s and it is given up on)");
        return this;
    }

    /** The state of each part, as the supervisor sees it ({@link #supervise()}). */
    public synchronized List<Supervisor.Status> partStatus() {
        if (supervisor == null) {
            throw new IllegalStateException("the suite is not supervised");
        }
        return supervisor.status();
    }

    private record PostgresPart(PostgresServer server) implements Supervisor.Part {
        public String name() {
            return "postgres";
        }

        public int port() {
            return server.port();
        }

        public Path log() {
            return server.logFile();
        }

        public Supervisor.Watched process() {
            ProcessHandle postmaster = server.postmaster();
            return postmaster == null ? null : Supervisor.Watched.of(postmaster);
        }

        public boolean startIfStill(Supervisor.Watched expected) {
            return server.startIfStill(expected == null ? null : expected.handle());
        }
    }

    private record BrokerPart(KafkaBroker broker) implements Supervisor.Part {
        public String name() {
            return "kafka";
        }

        public int port() {
            return broker.port();
        }

        public Path log() {
            return broker.logFile();
        }

        public Supervisor.Watched process() {
            Process process = broker.process();
            return process == null ? null : Supervisor.Watched.of(process);
        }

        public boolean startIfStill(Supervisor.Watched expected) {
            return broker.startIfStill(expected == null ? null : expected.child());
        }
    }

    private final class ServicePart implements Supervisor.Part {
        private final Instance instance;

        ServicePart(Instance instance) {
            this.instance = instance;
        }

        public String name() {
            return instance.name();
        }

        public int port() {
            return instance.port();
        }

        public Path log() {
            return LocalSuite.this.log(instance);
        }

        public Supervisor.Watched process() {
            synchronized (LocalSuite.this) {
                Process process = processes.get(instance.name());
                return process == null ? null : Supervisor.Watched.of(process);
            }
        }

        public boolean startIfStill(Supervisor.Watched expected) throws IOException {
            return startAgainIfStill(instance, expected == null ? null : expected.child());
        }
    }

    private void startAll() throws IOException {
        Instant begin = Instant.now();
        Files.createDirectories(dataDir.resolve("logs"));
        for (Service service : instances.stream().map(Instance::service).distinct().toList()) {
            if (!Files.exists(jar(service))) {
                throw new IllegalStateException(service.name() + " is not built (" + jar(service)
                        + " is missing): run ./mvnw install -DskipTests");
            }
        }

        String dbUrl = environment.get("CPA_DB_URL");
        boolean embeddedPostgres = dbUrl == null || dbUrl.isBlank();
        if (embeddedPostgres) {
            requireFree(ports.postgres(), "PostgreSQL", "set CPA_POSTGRES_PORT to another port, or CPA_DB_URL to use a server");
        }
        // PostgreSQL and Kafka start at once: each waits on the disk and on its own start-up much of the
        // time, and neither needs the other. The services start as soon as their databases are there;
        // they reach Kafka only later in their start (and wait for it if it is not there yet).
        bootstrapServers = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        boolean ownBroker = bootstrapServers == null || bootstrapServers.isBlank();
        if (ownBroker && ports.kafka() != 0) {
            requireFree(ports.kafka(), "Kafka", "set CPA_KAFKA_PORT to another port, or KAFKA_BOOTSTRAP_SERVERS to use a broker");
            requireFree(ports.kafka() + 1, "Kafka (its controller)", "set CPA_KAFKA_PORT to another port");
        }
        CompletableFuture<KafkaBroker> brokerStarted = null;
        if (ownBroker) {
            KafkaBroker newBroker = new KafkaBroker(dataDir.resolve("kafka"), ports.kafka(), BROKER_HEAP);
            synchronized (this) {
                broker = newBroker; // close() stops it, once its start has ended
            }
            bootstrapServers = newBroker.bootstrapServers();
            Instant brokerStart = Instant.now();
            brokerStarted = CompletableFuture.supplyAsync(() -> {
                KafkaBroker started = newBroker.start();
                synchronized (this) {
                    if (closed) { // close() came before the broker had started, and found nothing to stop
                        started.stop();
                        throw new IllegalStateException("the suite was stopped while Kafka started");
                    }
                }
                readyTimes.put("kafka", Duration.between(brokerStart, Instant.now()));
                note("Kafka ready (" + started.bootstrapServers() + ", log " + started.logFile() + ") in " + seconds(brokerStart));
                return started;
            }, runnable -> new Thread(runnable, "kafka-start").start());
        } else {
            note("Kafka: using " + bootstrapServers);
        }
        Instant partStart = Instant.now();
        PostgresServer startedPostgres = PostgresServer.fromEnvironmentOrEmbedded(dataDir.resolve("postgres"),
                ports.postgres(), false, true);
        synchronized (this) {
            postgres = startedPostgres;
        }
        stopIfClosedMeanwhile();
        if (postgres.isEmbedded()) {
            readyTimes.put("postgres", Duration.between(partStart, Instant.now()));
        }
        note("PostgreSQL ready (" + (postgres.isEmbedded() ? "embedded, port " + ports.postgres() + ", data in "
                + dataDir.resolve("postgres") : dbUrl) + ") in " + seconds(partStart));
        if (instances.isEmpty()) {
            // the services will be started apart: their databases are there when they come
            SERVICES.stream().filter(service -> service.database() != null).forEach(service -> databaseUrl(service.name()));
        }

        for (Instance instance : instances) {
            requireFree(instance.port(), instance.name(), instance.replica() == 1
                    ? "set CPA_" + portVariable(instance.service()) + "_PORT to another port" : "start again");
        }
        Map<String, Instant> launched = new LinkedHashMap<>();
        for (Instance instance : instances) {
            launched.put(instance.name(), Instant.now());
            Process process = launch(instance);
            synchronized (this) {
                processes.put(instance.name(), process);
            }
            stopIfClosedMeanwhile();
        }
        if (brokerStarted != null) {
            awaitBroker(brokerStarted);
        }
        for (Instance instance : instances) {
            awaitReady(instance, processes.get(instance.name()));
            readyTimes.put(instance.name(), Duration.between(launched.get(instance.name()), Instant.now()));
            note(instance.name() + " ready on " + instance.url() + " in "
                    + seconds(launched.get(instance.name())) + " (log " + log(instance) + ")");
        }
        startupTime = Duration.between(begin, Instant.now());
        note("all ready in " + seconds(begin));
    }

    /** Waits for the broker started beside PostgreSQL. */
    private void awaitBroker(CompletableFuture<KafkaBroker> started) {
        try {
            started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        stopIfClosedMeanwhile();
    }

    private Process launch(Instance instance) throws IOException {
        Service service = instance.service();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(environment.getOrDefault("CPA_JAVA_OPTS", DEFAULT_JAVA_OPTS).trim().split("\\s+")));
        StartupArchive archive = archive(service);
        Path recordTo = null;
        if (archive != null) {
            awaitArchive(instance); // the archive its last process wrote as it stopped
            if (archive.usable()) {
                command.addAll(archive.use());
            } else if (instance.replica() == 1) { // the other replicas would only write the same archive
                recordTo = archive.recording();
                List<String> recordOptions = archive.record(recordTo);
                command.addAll(recordOptions);
                if (recordOptions.isEmpty()) {
                    recordTo = null; // nowhere to keep an archive: nothing recorded, nothing to wait for
                }
            }
        }
        command.addAll(List.of("-jar", jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(instance).toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment);
        env.putAll(serviceEnvironments.getOrDefault(service.name(), Map.of()));
        localDefaults(env);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(instance.port()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("CPA_JWT_PUBLIC_KEY_LOCATION", keyDirectory(dataDir).resolve(DevTokens.PUBLIC_KEY_FILE).toUri().toString());
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(databaseName(service)));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        } else {
            env.put("CPA_MISSION_URL", urlList("mission-service"));
            env.put("CPA_PERSONNEL_URL", urlList("personnel-service"));
            env.put("CPA_AUTHORIZATION_URL", urlList("authorization-service"));
            env.put("CPA_REPORTING_URL", urlList("reporting-service"));
            env.put("CPA_WEBHOOK_URL", urlList("webhook-service"));
        }
        if (service.name().equals("webhook-service")) {
            env.put(WebhookSecretKey.VARIABLE, webhookSecretKey);
        }
        Process process = builder.start();
        if (recordTo != null) {
            Path recorded = recordTo;
            recording.add(process);
            archiving.put(instance.name(), process.onExit().thenAccept(ended -> {
                recording.remove(ended);
                archive.recorded(recorded, ended.exitValue());
            }));
        }
        return process;
    }

    /**
     * Locally, logs are text and traces are not sent anywhere (nothing receives them) unless the
     * environment says otherwise: {@code CPA_LOG_FORMAT=json}, an {@code OTEL_EXPORTER_OTLP_ENDPOINT}.
     */
    private static void localDefaults(Map<String, String> env) {
        env.putIfAbsent("CPA_LOG_FORMAT", "text");
        if (env.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "").isBlank()) {
            env.putIfAbsent("OTEL_TRACES_EXPORTER", "none");
        }
    }

    /** The service's class-data archive, unless {@code CPA_STARTUP_ARCHIVE} is {@code false}. */
    private StartupArchive archive(Service service) {
        if (environment.getOrDefault("CPA_STARTUP_ARCHIVE", "true").trim().equalsIgnoreCase("false")) {
            return null;
        }
        return new StartupArchive(jar(service).getParent());
    }

    /** Once a replica's process that recorded an archive has ended, waits until its archive is in place. */
    private void awaitArchive(Instance instance) {
        CompletableFuture<Void> pending = archiving.get(instance.name());
        if (pending != null) {
            synchronized (this) {
                Process process = processes.get(instance.name());
                if (process != null && process.isAlive()) {
                    return; // a replica still running (a restart's launch comes after it ended)
                }
            }
            archiving.remove(instance.name(), pending);
            try {
                pending.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // no archive: this start records one
            }
        }
    }

    /** The gateway balances over the replicas of a service named in one comma-separated list. */
    private String urlList(String service) {
        return String.join(",", replicaUrls(service).stream().map(URI::toString).toList());
    }

    /** A suffix keeps the tests' databases apart from ./cpa's on a shared server (CPA_DB_URL). */
    private String databaseName(Service service) {
        return service.database() + environment.getOrDefault("CPA_DB_NAME_SUFFIX", "");
    }

    private void awaitReady(Instance instance, Process process) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        URI ready = URI.create("http://127.0.0.1:" + instance.port() + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(instance.name() + " stopped while starting (exit code "
                        + process.exitValue() + "); see " + log(instance));
            }
            if (HealthProbe.answersOk(ready)) {
                return;
            }
            Pause.of(Pause.BETWEEN_POLLS);
        }
        throw new IllegalStateException(instance.name() + " not ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + log(instance));
    }


    /** The suite was stopped while a part was starting: that part is stopped too, and starting ends. */
    private void stopIfClosedMeanwhile() {
        boolean stopped;
        synchronized (this) {
            stopped = closed;
        }
        if (stopped) {
            close();
            throw new IllegalStateException("stopped while starting");
        }
    }

    /**
     * Stops every replica of a service as an operator would (SIGTERM, then SIGKILL after 20 s, 60 s
     * for one writing its class-data archive):
     * for maintenance such as resetting its consumer group, which Kafka allows only while the
     * group is empty.
     */
    public void stopService(String name) {
        instancesOf(name).forEach(this::stop);
    }

    /** Starts every replica of a service stopped by {@link #stopService} again; returns when they are ready. */
    public void startService(String name) {
        instancesOf(name).forEach(this::start);
    }

    /** Kills every replica of a service ({@code kill -9}): no graceful end; {@link #startService} starts it again. */
    public void killService(String name) {
        instancesOf(name).forEach(this::kill);
    }

    /** Kills the broker this suite started ({@code kill -9}); {@link #startBroker} starts it again on its data. */
    public void killBroker() {
        requireOwnBroker().kill();
    }

    /** Stalls the broker this suite started ({@code kill -STOP}) without ending it; {@link #killBroker} ends it. */
    public void freezeBroker() {
        requireOwnBroker().freeze();
    }

    public void startBroker() {
        requireOwnBroker().start();
        note("Kafka ready again (" + bootstrapServers + ")");
    }

    private synchronized KafkaBroker requireOwnBroker() {
        if (broker == null) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " is not this suite's");
        }
        return broker;
    }

    /** Stops one replica (1 is the first) as {@link #stopService} stops a service; the others go on. */
    public void stopReplica(String name, int replica) {
        stop(instance(name, replica));
    }

    /** Kills one replica ({@code kill -9}) as {@link #killService} kills a service; returns once it has ended. */
    public void killReplica(String name, int replica) {
        kill(instance(name, replica));
    }

    /** Starts a replica stopped by {@link #stopReplica} or {@link #killReplica} again and returns when it is ready. */
    public void startReplica(String name, int replica) {
        start(instance(name, replica));
    }

    private void stop(Instance instance) {
        Process process;
        synchronized (this) {
            process = processes.remove(instance.name());
        }
        if (process != null) {
            stop(process);
        }
    }

    private void kill(Instance instance) {
        Process process;
        synchronized (this) {
            process = processes.remove(instance.name());
        }
        if (process != null) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void start(Instance instance) {
        try {
            Instant launched = Instant.now();
            Process process = launch(instance);
            synchronized (this) {
                processes.put(instance.name(), process);
            }
            awaitReady(instance, process);
            readyTimes.put(instance.name(), Duration.between(launched, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        note(instance.name() + " ready again on " + instance.url());
    }

    /** What {@link #start(Instance)} does, if the replica's process is still {@code expected}; one that is not ready is killed. */
    private boolean startAgainIfStill(Instance instance, Process expected) throws IOException {
        Instant launched = Instant.now();
        Process process;
        synchronized (this) {
            if (closed || processes.get(instance.name()) != expected) {
                return false;
            }
            process = launch(instance);
            processes.put(instance.name(), process);
        }
        try {
            awaitReady(instance, process);
        } catch (RuntimeException notReady) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw notReady;
        }
        readyTimes.put(instance.name(), Duration.between(launched, Instant.now()));
        return true;
    }

    private List<Instance> instancesOf(String service) {
        Service named = service(service);
        return instances.stream().filter(instance -> instance.service().equals(named)).toList();
    }

    private Instance instance(String service, int replica) {
        return instancesOf(service).stream().filter(instance -> instance.replica() == replica).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service + " has no replica " + replica));
    }

    private static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Stops every process it started, the broker and the embedded database, in reverse order. */
    @Override
    public void close() {
        Supervisor watching;
        synchronized (this) {
            closed = true;
            watching = supervisor;
            supervisor = null;
        }
        if (watching != null) {
            watching.close(); // outside the lock: a restart under way needs it to end
        }
        stopAll();
    }

    private synchronized void stopAll() {
        List<Process> started = new ArrayList<>(processes.values());
        started.forEach(Process::destroy);
        started.forEach(this::stop);
        processes.clear();
        // the archives the stopped services wrote are put in place before this process may end
        archiving.values().forEach(pending -> pending.completeOnTimeout(null, 10, TimeUnit.SECONDS).exceptionally(failed -> null).join());
        archiving.clear();
        if (broker != null) {
            broker.stop();
            broker = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private void stop(Process process) {
        process.destroy();
        try {
            // a JVM writing its class-data archive as it stops is given the time to finish it
            if (!process.waitFor(recording.contains(process) ? 60 : 20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Path log(Instance instance) {
        return dataDir.resolve("logs").resolve(instance.name() + ".log");
    }

    private Path jar(Service service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void note(String line) {
        System.out.println("cpa: " + line);
        System.out.flush();
    }

    private static String portVariable(Service service) {
        return service.name().replace("-service", "").toUpperCase(Locale.ROOT);
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static void requireFree(int port, String part, String remedy) {
        if (!TcpPorts.isFree(port)) {
            throw new IllegalStateException(part + " cannot start: port " + port + " is already taken (" + remedy + ")");
        }
    }
}
