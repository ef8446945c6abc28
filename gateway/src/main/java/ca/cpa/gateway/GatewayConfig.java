package ca.cpa.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the gateway routes where, and the limits it keeps at the edge. */
@ConfigMapping(prefix = "cpa.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name. */
    Map<String, Service> services();

    /**
     * How long a service may take to accept a connection or to send data (from the start of the
     * call, the request body's upload included, until its answer begins, then between chunks)
     * before the caller gets a 503/504; a service may set its own.
     */
    @WithDefault("5s")
    Duration timeout();

    /**
     * How long a connection to a service is kept open, idle, for the next call. Below the
     * services' own idle timeout ({@code quarkus.http.idle-timeout}, 30 minutes by default), so
     * that the gateway, not the service, closes an idle connection, and no call takes one the
     * service is closing.
     */
    @WithDefault("30s")
    Duration keepAlive();

    /** The largest request body passed on (unless a service sets its own); a larger one is answered 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    RateLimit rateLimit();

    /** How many verified tokens are kept, each until it expires, so that a caller's token is verified once. */
    @WithDefault("10000")
    int verifiedTokens();

    /** The version of the merged OpenAPI document: semantic, a breaking change raises the major (and /api/vN). */
    @WithDefault("1.3.0")
    String apiVersion();

    CircuitBreaker circuitBreaker();

    interface Service {
        /** Where the service listens; with several replicas, requests take turns. */
        List<URI> urls();

        /** The API paths it serves, e.g. {@code /api/v1/missions}: the path itself and everything under it. */
        List<String> prefixes();

        /** The largest request body passed on to this service (e.g. a file to import); absent: the gateway's. */
        Optional<MemorySize> maxBodySize();

        /** This service's timeout, for calls that take longer (e.g. a file to import); absent: the gateway's. */
        Optional<Duration> timeout();
    }

    /** A token bucket per caller: {@code rps} a second on average, up to {@code burst} at once; 0 turns it off. */
    interface RateLimit {
        @WithDefault("50")
        double rps();

        @WithDefault("100")
        int burst();
    }

    /**
     * After {@code failures} failed calls (refused or timed out) within {@code window}, a
     * replica is not called for {@code reset}; then one call tries it again.
     */
    interface CircuitBreaker {
        @WithDefault("5")
        int failures();

        @WithDefault("60s")
        Duration window();

        @WithDefault("10s")
        Duration reset();
    }
}
