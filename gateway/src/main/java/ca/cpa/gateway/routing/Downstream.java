package ca.cpa.gateway.routing;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerState;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service behind the gateway and its replicas. Requests take turns over the replicas whose
 * circuit is not open; each replica has a circuit breaker of its own, so one that stopped or
 * hangs is left alone for a while and tried again by itself later.
 */
public final class Downstream {

    /** One replica: where it listens and its circuit breaker. */
    public record Origin(String host, int port, CircuitBreaker breaker) {

        boolean isOpen() {
            return breaker.state() == CircuitBreakerState.OPEN;
        }

        public URI uri() {
            return URI.create("http://" + host + ":" + port);
        }
    }

    private final String name;
    private final List<Origin> origins;
    private final AtomicInteger turn = new AtomicInteger();

    public Downstream(String name, List<Origin> origins) {
        if (origins.isEmpty()) {
            throw new IllegalArgumentException(name + " has no URL");
        }
        this.name = name;
        this.origins = List.copyOf(origins);
    }

    public String name() {
        return name;
    }

    public List<Origin> origins() {
        return origins;
    }

    /** The next replica in turn whose circuit is closed (or half open); any, when all are open. */
    public Origin next() {
        int size = origins.size();
        int start = Math.floorMod(turn.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Origin origin = origins.get((start + i) % size);
            if (!origin.isOpen()) {
                return origin;
            }
        }
        return origins.get(start);
    }
}
