package ca.cpa.gateway;

import ca.cpa.runtime.TcpPorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.util.Map;

/**
 * Five stand-in services for the gateway's tests, and the gateway's configuration for them:
 * short timeouts and a small body limit, so that the edges can be reached quickly, except for
 * reporting-service, which takes files to import: its own larger limit and longer timeout.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    private static Vertx vertx;
    private static StubService mission;
    private static StubService personnel;
    private static StubService authorization;
    private static StubService reporting;
    private static StubService webhook;
    /** A second mission-service replica that is not there: every connection to it is refused. */
    private static int missingReplicaPort;

    public static StubService mission() {
        return mission;
    }

    public static StubService personnel() {
        return personnel;
    }

    public static StubService authorization() {
        return authorization;
    }

    public static StubService reporting() {
        return reporting;
    }

    public static StubService webhook() {
        return webhook;
    }

    public static int missingReplicaPort() {
        return missingReplicaPort;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        mission = new StubService("mission-service", OpenApiDocuments.MISSION, vertx, TcpPorts.free());
        personnel = new StubService("personnel-service", OpenApiDocuments.PERSONNEL, vertx, TcpPorts.free());
        authorization = new StubService("authorization-service", OpenApiDocuments.AUTHORIZATION, vertx, TcpPorts.free());
        reporting = new StubService("reporting-service", OpenApiDocuments.REPORTING, vertx, TcpPorts.free());
        webhook = new StubService("webhook-service", OpenApiDocuments.WEBHOOK, vertx, TcpPorts.free());
        missingReplicaPort = TcpPorts.free();
        mission.start();
        personnel.start();
        authorization.start();
        reporting.start();
        webhook.start();
        return Map.ofEntries(
                Map.entry("cpa.gateway.services.mission-service.urls",
                        "http://localhost:" + missingReplicaPort + ",http://localhost:" + mission.port()),
                Map.entry("cpa.gateway.services.personnel-service.urls", "http://localhost:" + personnel.port()),
                Map.entry("cpa.gateway.services.authorization-service.urls", "http://localhost:" + authorization.port()),
                Map.entry("cpa.gateway.services.reporting-service.urls", "http://localhost:" + reporting.port()),
                Map.entry("cpa.gateway.services.reporting-service.max-body-size", "16M"),
                Map.entry("cpa.gateway.services.reporting-service.timeout", "5s"),
                Map.entry("cpa.gateway.services.webhook-service.urls", "http://localhost:" + webhook.port()),
                Map.entry("cpa.gateway.timeout", "1s"),
                Map.entry("cpa.gateway.max-body-size", "1K"),
                Map.entry("cpa.gateway.rate-limit.rps", "10"),
                Map.entry("cpa.gateway.rate-limit.burst", "20"),
                Map.entry("cpa.gateway.circuit-breaker.failures", "3"),
                Map.entry("cpa.gateway.circuit-breaker.reset", "2s"),
                Map.entry("quarkus.http.cors.origins", "https://frontend.example"));
    }

    @Override
    public void stop() {
        mission.stop();
        personnel.stop();
        authorization.stop();
        reporting.stop();
        webhook.stop();
        vertx.close();
    }
}
