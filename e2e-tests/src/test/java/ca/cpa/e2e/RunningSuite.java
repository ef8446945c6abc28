package ca.cpa.e2e;

import ca.cpa.runtime.Directories;
import ca.cpa.runtime.LocalSuite;
import ca.cpa.testing.OtlpReceiver;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole suite, started once for all end-to-end tests the way {@code ./cpa up} starts it
 * (a real broker, a real PostgreSQL, the four services and the gateway as processes of their
 * own), on free ports and in a fresh data directory, and stopped after the last test.
 */
public class RunningSuite implements BeforeAllCallback {

    private static LocalSuite suite;
    private static OtlpReceiver traces;

    public static LocalSuite suite() {
        return suite;
    }

    /** Where the gateway and the services export their traces (OTLP over HTTP), as to a collector. */
    public static OtlpReceiver traces() {
        return traces;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningSuite.class, key -> {
            Path workDir = Path.of(System.getProperty("cpa.test.work-dir", "target/cpa-e2e")).toAbsolutePath();
            Directories.deleteRecursively(workDir);
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("CPA_DB_NAME_SUFFIX", "_e2e");
            // partners' webhook receivers in these tests listen on this machine, over http
            environment.put("CPA_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
            traces = OtlpReceiver.start();
            environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint().toString());
            environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms");
            suite = LocalSuite.prepare(Path.of(System.getProperty("cpa.root", "..")).toAbsolutePath().normalize(),
                    workDir, LocalSuite.Ports.free(), environment).start();
            RestAssured.baseURI = "http://localhost";
            RestAssured.port = suite.gatewayUrl().getPort();
            RestAssured.filters(new ObservedStatuses());
            // the event probes of test-support read the broker's address from the configuration
            System.setProperty("kafka.bootstrap.servers", suite.bootstrapServers());
            return (ExtensionContext.Store.CloseableResource) () -> {
                suite.close();
                traces.close();
            };
        }, Object.class);
    }
}
