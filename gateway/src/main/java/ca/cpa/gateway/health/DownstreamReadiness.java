package ca.cpa.gateway.health;

import ca.cpa.gateway.routing.Downstream;
import ca.cpa.gateway.routing.Downstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Readiness of every replica of every service behind the gateway, each reported by name
 * ({@code mission-service@localhost:8081: UP}). The gateway is ready when every service has
 * at least one ready replica.
 */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MILLIS = 2000;

    @Inject
    Downstreams downstreams;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<String>> probes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (Downstream service : downstreams.services()) {
            for (Downstream.Origin origin : service.origins()) {
                services.add(service.name());
                names.add(service.name() + "@" + origin.host() + ":" + origin.port());
                probes.add(probe(origin));
            }
        }
        Future<HealthCheckResponse> response = Future.join(probes).transform(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services");
            Set<String> serving = new HashSet<>();
            for (int i = 0; i < probes.size(); i++) {
                String state = probes.get(i).result();
                builder.withData(names.get(i), state);
                if ("UP".equals(state)) {
                    serving.add(services.get(i));
                }
            }
            return Future.succeededFuture(builder.status(serving.containsAll(services)).build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private Future<String> probe(Downstream.Origin origin) {
        return downstreams.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(origin.host())
                        .setPort(origin.port())
                        .setURI("/q/health/ready")
                        .setConnectTimeout(PROBE_TIMEOUT_MILLIS)
                        .setIdleTimeout(PROBE_TIMEOUT_MILLIS))
                .compose(call -> call.request().send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? "UP"
                        : "DOWN (" + response.statusCode() + ")"))
                .otherwise(failure -> "DOWN (" + failure.getMessage() + ")");
    }
}
