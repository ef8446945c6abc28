package ca.cpa.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the services' databases live on: the one named by {@code CPA_DB_URL}
 * (with {@code CPA_DB_USER}, {@code CPA_DB_PASSWORD}) when set, otherwise a real embedded
 * PostgreSQL started here. Each service has a database of its own on it, created if missing.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(30);

    private final String serverUrl;
    private final String user;
    private final String password;
    private final Path directory;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres embedded;
    private ProcessHandle postmaster;

    private PostgresServer(String serverUrl, String user, String password, Path directory, int port, boolean durable,
                           EmbeddedPostgres embedded) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.directory = directory;
        this.port = port;
        this.durable = durable;
        this.embedded = embedded;
        this.postmaster = embedded == null ? null : readPostmaster();
    }

    /** The server named by the environment, or an embedded one kept under {@code directory}. */
    public static PostgresServer fromEnvironmentOrEmbedded(Path directory, int port, boolean fresh, boolean durable) {
        String url = System.getenv("CPA_DB_URL");
        if (url != null && !url.isBlank()) {
            return external(url, System.getenv().getOrDefault("CPA_DB_USER", "postgres"),
                    System.getenv().getOrDefault("CPA_DB_PASSWORD", ""));
        }
        return embedded(directory, port, fresh, durable);
    }

    private static PostgresServer external(String jdbcUrl, String user, String password) {
        return new PostgresServer(jdbcUrl, user, password, null, 0, false, null);
    }

    /**
     * Starts a real PostgreSQL whose binaries and data stay under {@code directory}.
     * As root it runs the server in a user namespace (the library does that itself).
     *
     * @param fresh start from an empty data directory rather than the one kept there
     * @param durable every commit on disk before it returns ({@code synchronous_commit}), as in
     *                production; the library turns it off, which a one-service test run can afford
     */
    public static PostgresServer embedded(Path directory, int port, boolean fresh, boolean durable) {
        Path home = directory.toAbsolutePath();
        if (fresh) {
            Directories.deleteRecursively(home.resolve("data"));
        }
        int chosenPort = port == 0 ? TcpPorts.free() : port;
        EmbeddedPostgres postgres = startEmbedded(home, chosenPort, durable);
        return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", home, chosenPort, durable,
                postgres);
    }

    private static EmbeddedPostgres startEmbedded(Path home, int port, boolean durable) {
        try {
            Path binaries = home.resolve("binaries");
            Files.createDirectories(binaries);
            // The library would delete a data directory it was told to clean when it stops: it never is.
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(home.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    // A local run's data fits in far less than initdb's 128 MB; the rest stays in the
                    // operating system's cache, which no process is charged for.
                    .setServerConfig("shared_buffers", "32MB")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log(home).toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log(home).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start; see " + log(home), e);
        }
    }

    private static Path log(Path home) {
        return home.resolve("postgres.log");
    }

    /** The embedded server's log. */
    public Path logFile() {
        return log(directory);
    }

    public int port() {
        return port;
    }

    /**
     * The embedded server's main process (its postmaster, started by pg_ctl, so not a child of
     * this JVM): running, or ended after a crash; null for a server of the environment or once closed.
     */
    synchronized ProcessHandle postmaster() {
        return postmaster;
    }

    /**
     * Starts the embedded server again on its data if its postmaster is still {@code expected}
     * (one that ended), and returns once it accepts connections; false, doing nothing, otherwise.
     */
    synchronized boolean startIfStill(ProcessHandle expected) {
        if (embedded == null || !Objects.equals(postmaster, expected)) {
            return false;
        }
        // Until the old process is gone for good (reaped), PostgreSQL takes it for a server still running on
        // the data; and a start the library sees fail keeps its lock on the data directory for good.
        try {
            if (expected != null) {
                expected.onExit().get(REAP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("the ended PostgreSQL process " + expected.pid() + " is still there after "
                    + REAP_TIMEOUT.toSeconds() + " s (not reaped)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            embedded.close(); // releases the library's lock on the data directory; the server has already gone
        } catch (IOException | RuntimeException alreadyStopped) {
            // nothing to stop
        }
        embedded = startEmbedded(directory, port, durable);
        postmaster = readPostmaster();
        return true;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return directory != null;
    }

    /** The embedded server's main process id while it runs, or null (a server of the environment too). */
    public synchronized Long pid() {
        return postmaster != null && postmaster.isAlive() ? postmaster.pid() : null;
    }

    /** The process whose id the server wrote in its postmaster.pid when it started. */
    private ProcessHandle readPostmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(directory.resolve("data").resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).orElse(null);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The JDBC URL of {@code database} on this server, creating the database if it is missing. */
    public String ensureDatabase(String database) {
        requireValidName(database);
        try (Connection connection = connect();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another process
                throw new IllegalStateException("cannot create database " + database + " on " + serverUrl, e);
            }
        }
        return urlOf(database);
    }

    /** Drops {@code database} (if present) and creates it empty: for test runs only. */
    public String recreateDatabase(String database) {
        requireValidName(database);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + " on " + serverUrl, e);
        }
        return ensureDatabase(database);
    }

    /** The server URL with its database replaced by {@code database}; the query string is kept. */
    String urlOf(String database) {
        URI uri = URI.create(serverUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    private static void requireValidName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a valid database name: " + database);
        }
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            EmbeddedPostgres stopping = embedded;
            embedded = null;
            postmaster = null;
            try {
                stopping.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
