package ca.cpa.testing;

import ca.cpa.runtime.Directories;
import ca.cpa.runtime.KafkaBroker;
import ca.cpa.runtime.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * The real infrastructure a service's tests run on, started once per test run of a module:
 * a Kafka broker (unless {@code KAFKA_BOOTSTRAP_SERVERS} names one) and PostgreSQL (the
 * server of {@code CPA_DB_URL}, else an embedded one), with the service's test database
 * created empty. Register it on one class with
 * {@code @WithTestResource(value = CpaInfrastructure.class, scope = TestResourceScope.GLOBAL,
 * initArgs = @ResourceArg(name = "database", value = "..."))}.
 */
public class CpaInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;
    private KafkaBroker broker;
    private PostgresServer postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "cpa_test");
    }

    @Override
    public Map<String, String> start() {
        Path workDir = Path.of(System.getProperty("cpa.test.work-dir", "target/cpa-test-runtime"));
        postgres = PostgresServer.fromEnvironmentOrEmbedded(workDir.resolve("postgres"), 0, true, false);
        String jdbcUrl = postgres.recreateDatabase(database);

        String bootstrapServers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            Directories.deleteRecursively(workDir.resolve("kafka"));
            broker = new KafkaBroker(workDir.resolve("kafka"), 0, "512m").start();
            bootstrapServers = broker.bootstrapServers();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", bootstrapServers);
    }

    /** Hands the broker to test fields annotated {@link TestBroker}; absent when the broker is not ours. */
    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(TestBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
