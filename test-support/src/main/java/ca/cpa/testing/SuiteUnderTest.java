package ca.cpa.testing;

import ca.cpa.runtime.Directories;
import ca.cpa.runtime.LocalSuite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole suite started for one test module as {@code ./cpa up} starts it (free ports, a
 * fresh data directory, databases of its own, the rate limiter on but above any test's load),
 * and the reads of its services' databases the checks need.
 */
public final class SuiteUnderTest {

    private SuiteUnderTest() {
    }

    /** Starts the suite named {@code name} with {@code settings} (environment variables) added. */
    public static LocalSuite start(String name, Map<String, String> settings) {
        return start(name, settings, Map.of());
    }

    /**
     * As {@link #start(String, Map)}, with {@code serviceSettings} added to the environment of
     * the service each is given for (by name), such as each service's own Kafka login.
     */
    public static LocalSuite start(String name, Map<String, String> settings,
                                   Map<String, Map<String, String>> serviceSettings) {
        Path workDir = Path.of(System.getProperty("cpa.test.work-dir", "target/cpa-" + name)).toAbsolutePath();
        Directories.deleteRecursively(workDir);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("CPA_DB_NAME_SUFFIX", "_" + name.replace('-', '_'));
        environment.put("CPA_RATE_LIMIT_RPS", "10000");
        environment.put("CPA_RATE_LIMIT_BURST", "10000");
        environment.put("CPA_ACCESS_LOG", "false");
        environment.putAll(settings);
        LocalSuite suite = LocalSuite.prepare(root(), workDir, LocalSuite.Ports.free(), environment, serviceSettings).start();
        // the event probes (KafkaEvents) read the broker's address, and a login, from the
        // configuration: none from an earlier suite stays
        System.getProperties().stringPropertyNames().stream()
                .filter(property -> property.startsWith("kafka."))
                .forEach(System::clearProperty);
        System.setProperty("kafka.bootstrap.servers", suite.bootstrapServers());
        return suite;
    }

    /** The event probes (KafkaEvents) log in with {@code clientSettings} (Kafka client properties) from now on. */
    public static void probeKafkaWith(Map<String, String> clientSettings) {
        clientSettings.forEach((setting, value) -> System.setProperty("kafka." + setting, value));
    }

    /** The repository's root, where the services' builds and files are. */
    public static Path root() {
        return Path.of(System.getProperty("cpa.root", "..")).toAbsolutePath().normalize();
    }

    /** Every value of the first column {@code query} finds in {@code service}'s own database. */
    public static Set<String> column(LocalSuite suite, String service, String query) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = suite.database(service); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Waits (up to {@link SuiteClient#PATIENCE}) until {@code query}'s one value is {@code expected}. */
    public static void awaitValue(LocalSuite suite, String service, String query, String expected) throws SQLException {
        Instant deadline = Instant.now().plus(SuiteClient.PATIENCE);
        String found = value(suite, service, query);
        while (!expected.equals(found) && Instant.now().isBefore(deadline)) {
            SuiteClient.pause(Duration.ofMillis(200));
            found = value(suite, service, query);
        }
        // a query listing many ids would bury the figures under its text
        assertEquals(expected, found, service + ": " + (query.length() > 200 ? query.substring(0, 200) + "…" : query));
    }

    /** {@code query}'s one value, or null when it finds none. */
    public static String value(LocalSuite suite, String service, String query) throws SQLException {
        Set<String> found = column(suite, service, query);
        return found.isEmpty() ? null : found.iterator().next();
    }
}
