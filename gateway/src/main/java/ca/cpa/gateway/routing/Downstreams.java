package ca.cpa.gateway.routing;

import ca.cpa.gateway.GatewayConfig;
import ca.cpa.gateway.edge.GatewayProblems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;

/** The services behind the gateway, their replicas and proxies, and which serves which path. */
@ApplicationScoped
public class Downstreams {

    /** Connections kept open to each replica. */
    private static final int POOL_SIZE = 64;

    private final HttpClient client;
    /** The connections requests were sent on, while they are open. */
    private final Set<HttpConnection> used = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));
    private final List<Downstream> services;
    private final RouteTable<DownstreamProxy> routes;

    @Inject
    public Downstreams(GatewayConfig config, Vertx vertx, GatewayProblems problems,
                       @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize serverBodyLimit) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAlive().toSeconds()))
                .setMaxPoolSize(POOL_SIZE)
                .setConnectTimeout((int) config.timeout().toMillis()));
        CircuitBreakerOptions breakerOptions = new CircuitBreakerOptions()
                .setMaxFailures(config.circuitBreaker().failures())
                .setFailuresRollingWindow(config.circuitBreaker().window().toMillis())
                .setResetTimeout(config.circuitBreaker().reset().toMillis())
                .setTimeout(-1) // the proxy's own timeouts end a call; the breaker only counts
                .setNotificationAddress(null);
        Map<String, DownstreamProxy> proxiesByPrefix = new HashMap<>();
        Map<String, Downstream> byName = new TreeMap<>();
        config.services().forEach((name, service) -> {
            Downstream downstream = new Downstream(name, service.urls().stream()
                    .map(url -> new Downstream.Origin(host(url), port(url),
                            CircuitBreaker.create(name + "@" + url.getAuthority(), vertx, breakerOptions)))
                    .toList());
            byName.put(name, downstream);
            long maxBodyBytes = service.maxBodySize().orElse(config.maxBodySize()).asLongValue();
            if (maxBodyBytes > serverBodyLimit.asLongValue()) {
                // Quarkus refuses a larger Content-Length before the gateway sees the call
                throw new IllegalStateException("cpa.gateway.services." + name + ".max-body-size (" + maxBodyBytes
                        + " bytes) is above quarkus.http.limits.max-body-size (" + serverBodyLimit.asLongValue()
                        + " bytes): raise QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE");
            }
            DownstreamProxy proxy = new DownstreamProxy(downstream, client, this::request, problems,
                    service.timeout().orElse(config.timeout()), config.circuitBreaker().reset(), maxBodyBytes, POOL_SIZE);
            for (String prefix : service.prefixes()) {
                if (proxiesByPrefix.put(prefix, proxy) != null) {
                    throw new IllegalStateException("two services are configured for " + prefix);
                }
            }
        });
        this.services = List.copyOf(byName.values());
        this.routes = new RouteTable<>(proxiesByPrefix);
    }

    public Optional<DownstreamProxy> route(String path) {
        return routes.route(path);
    }

    /** Every service, by name. */
    public List<Downstream> services() {
        return services;
    }

    /**
     * A request to a service (a call, or a look at its health or API document) on a connection
     * from the pool, and whether that connection was kept from an earlier request: the service
     * may have closed such a connection just now, which says nothing of its health.
     */
    public Future<ServiceRequest> request(RequestOptions options) {
        return client.request(options).map(request -> new ServiceRequest(request, !used.add(request.connection())));
    }

    /** A request on its way to a service. */
    public record ServiceRequest(HttpClientRequest request, boolean keptConnection) {
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static String host(URI url) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("a service URL must be http://host:port, not " + url);
        }
        return url.getHost();
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : 80;
    }
}
