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
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the services' databases live on: the one named by {@code CPA_DB_URL}
 * (with {@code CPA_DB_USER}, {@code CPA_DB_PASSWORD}) when set, otherwise a real embedded
 * PostgreSQL started here. Each service has a database of its own on it, created if missing.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String serverUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;

    private PostgresServer(String serverUrl, String user, String password, EmbeddedPostgres embedded, Path dataDirectory) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
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
        return new PostgresServer(jdbcUrl, user, password, null, null);
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
        try {
            Path data = directory.toAbsolutePath().resolve("data");
            Path binaries = directory.toAbsolutePath().resolve("binaries");
            Files.createDirectories(binaries);
            if (fresh) {
                Directories.deleteRecursively(data);
            }
            // The library would delete a data directory it was told to clean when it stops: it never is.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? TcpPorts.free() : port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                    .start();
            return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", postgres, data);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start; see " + directory.resolve("postgres.log"), e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server's main process id (from its postmaster.pid), or null for a server of the environment. */
    public Long pid() {
        if (dataDirectory == null) {
            return null;
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
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
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
