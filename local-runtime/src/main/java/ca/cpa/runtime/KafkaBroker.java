package ca.cpa.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one
 * process), run from Apache Kafka's own Maven Central artifacts in a JVM of its own.
 * <p>
 * Its data lives in a directory the caller chooses, so a stopped broker can be started
 * again with every topic and offset it had: that is how tests take the broker away and
 * bring it back.
 * <p>
 * By default its clients connect in plain text with no login. {@link #withScram} makes one
 * that secures it as production brokers are: clients log in with SASL/SCRAM-SHA-512 and may do
 * only what an ACL allows them.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String STARTED_LINE = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String heap;
    /** The super user of a broker with SCRAM logins and ACLs; null: plain text, no ACLs. */
    private final ScramUser superUser;
    /** The users created with the storage, beside the super user. */
    private final List<ScramUser> users;
    private Process process;

    /** A SCRAM user: its name and password, plain words (they go unescaped into the storage tool's arguments and a JAAS line). */
    public record ScramUser(String name, String password) {

        public ScramUser {
            if ((name + password).matches(".*[\\s\"\\\\,\\[\\]=;].*")) {
                throw new IllegalArgumentException("a SCRAM user's name and password may not hold spaces, quotes, "
                        + "backslashes, commas, brackets, '=' or ';': " + name);
            }
        }

        /** What a client sets to log in as this user, as {@code kafka.*} properties have it without their prefix. */
        public Map<String, String> clientSettings() {
            return Map.of("security.protocol", "SASL_PLAINTEXT",
                    "sasl.mechanism", "SCRAM-SHA-512",
                    "sasl.jaas.config", jaasConfig());
        }

        String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                    + "\" password=\"" + password + "\";";
        }
    }

    /**
     * @param directory where the broker keeps its configuration, data and log
     * @param port the client port ({@code 0} picks a free one)
     * @param heap the broker JVM's maximum heap, e.g. {@code 512m}
     */
    public KafkaBroker(Path directory, int port, String heap) {
        this(directory, port, heap, null, List.of());
    }

    /**
     * A broker on which clients log in with SASL/SCRAM-SHA-512 (over plain TCP: it listens on
     * the loopback address only) and may do only what an ACL allows ({@code StandardAuthorizer};
     * no ACL, no access). {@code superUser} may do anything, and is the broker's own login;
     * it and {@code users} are created with the storage, at the first start.
     */
    public static KafkaBroker withScram(Path directory, int port, String heap, ScramUser superUser, List<ScramUser> users) {
        return new KafkaBroker(directory, port, heap, superUser, List.copyOf(users));
    }

    private KafkaBroker(Path directory, int port, String heap, ScramUser superUser, List<ScramUser> users) {
        this.superUser = superUser;
        this.users = users;
        this.directory = directory.toAbsolutePath();
        this.port = port == 0 ? TcpPorts.free() : port;
        // A fixed client port gets a fixed controller port beside it, so a kept data directory
        // finds its controller where it left it.
        this.controllerPort = port == 0 ? TcpPorts.free() : port + 1;
        this.heap = heap;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return directory.resolve("kafka.log");
    }

    /** The broker's process id, while it runs. */
    public synchronized Long pid() {
        return isRunning() ? process.pid() : null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Formats the storage on first use, then starts the broker and waits until it serves. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        TcpPorts.requireFree(port, "Kafka");
        TcpPorts.requireFree(controllerPort, "Kafka's controller");
        try {
            Files.createDirectories(directory);
            Path config = writeConfig();
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                format(config);
            }
            long logOffset = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            process = java("kafka.Kafka", config.toString()).start();
            awaitStarted(logOffset);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker failed to start; see " + logFile(), e);
        }
    }

    /** Its process: alive while it runs, ended after a crash, null once stopped or killed on purpose. */
    synchronized Process process() {
        return process;
    }

    /**
     * Starts the broker again if its process is still {@code expected} (one that ended, or null),
     * and returns once it serves; false, doing nothing, when it was started or stopped meanwhile.
     */
    synchronized boolean startIfStill(Process expected) {
        if (process != expected) {
            return false;
        }
        start();
        return true;
    }

    /** A clean stop: the broker shuts down in order and keeps its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** A crash ({@code kill -9}): no orderly shutdown; the data stays, as after a power cut. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * A stall ({@code kill -STOP}): the process stays, its connections stay open, and nothing
     * is answered, as from a broker in a long pause or on a disk that stopped; {@link #kill} ends it.
     */
    public synchronized void freeze() {
        if (!isRunning()) {
            throw new IllegalStateException("the broker is not running");
        }
        try {
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start();
            if (stop.waitFor() != 0) {
                throw new IllegalStateException("kill -STOP " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the broker", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                superUser == null ? plainTextListeners() : scramListeners(),
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=6",
                "auto.create.topics.enable=false", // as in production: the services create their topics
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The log cleaner's map takes 128 MB of heap at start by default; the few compacted
                // topics of a one-machine broker (consumer offsets) need a small part of it.
                "log.cleaner.dedupe.buffer.size=8388608",
                "");
        Path file = directory.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private String plainTextListeners() {
        return String.join("\n",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    }

    /**
     * Clients log in with SCRAM on the client listener. The controller listener stays plain text
     * (KRaft cannot check SCRAM there: the credentials live in the metadata it serves), so its
     * anonymous principal, reachable on the loopback address only, is a super user too.
     */
    private String scramListeners() {
        return String.join("\n",
                "listeners=SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=" + superUser.jaasConfig(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + superUser.name() + ";User:ANONYMOUS");
    }

    /** The id goes as {@code --cluster-id=ID}: a random id may start with '-', which would read as an option. */
    private void format(Path config) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("format", "--cluster-id=" + newClusterId(), "--config", config.toString()));
        if (superUser != null) {
            List<ScramUser> logins = new ArrayList<>(users);
            logins.add(superUser);
            logins.forEach(user -> arguments.addAll(List.of("--add-scram",
                    "SCRAM-SHA-512=[name=" + user.name() + ",password=" + user.password() + "]")));
        }
        Process formatting = java("kafka.tools.StorageTool", arguments.toArray(String[]::new)).start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IOException("formatting Kafka storage failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting Kafka storage", e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    }

    private void awaitStarted(long logOffset) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with code " + process.exitValue() + "; see " + logFile());
            }
            if (logSince(logOffset).contains(STARTED_LINE)) {
                return;
            }
            Pause.of(Pause.BETWEEN_POLLS);
        }
        try {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("Kafka broker did not start within " + START_TIMEOUT.toSeconds() + " s; see " + logFile());
    }

    private String logSince(long offset) throws IOException {
        byte[] log = Files.readAllBytes(logFile());
        return new String(log, (int) Math.min(offset, log.length), (int) Math.max(0, log.length - offset),
                StandardCharsets.UTF_8);
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/cpa-kafka-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("cpa-kafka-classpath.txt is missing: build local-runtime with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding. */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
