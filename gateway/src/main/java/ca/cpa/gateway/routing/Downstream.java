package ca.cpa.gateway.routing;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerState;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service behind the gateway and its replicas. Requests take turns over the replicas; each
 * has a circuit breaker of its own, so one that stopped or hangs is left alone for a while and
 * tried again by itself later.
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

    /**
     * Every replica, starting with the next in turn; those whose circuit is open come last. A
     * call goes to the first, and on to the next when one refuses the connection.
     */
    public List<Origin> inTurn() {
        int size = origins.size();
        int start = Math.floorMod(turn.getAndIncrement(), size);
        List<Origin> ordered = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ordered.add(origins.get((start + i) % size));
        }
        ordered.sort(Comparator.comparing(Origin::isOpen)); // stable: the turn order stays within each group
        return ordered;
    }
}
