package ca.cpa.gateway.edge;

import ca.cpa.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Rate limiting per caller (the token's subject, else the client's address), with a token
 * bucket each. Buckets that have filled up again are forgotten, so memory follows the callers
 * active in the last moments, not all callers ever seen.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier clock;
    private final Vertx vertx;
    private final long sweeper;

    @Inject
    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.ratePerSecond = config.rateLimit().rps();
        this.burst = config.rateLimit().burst();
        this.clock = System::nanoTime;
        this.vertx = vertx;
        this.sweeper = isOn() ? vertx.setPeriodic(TimeUnit.SECONDS.toMillis(30), tick -> forgetIdle()) : -1;
    }

    public boolean isOn() {
        return ratePerSecond > 0;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public int burst() {
        return burst;
    }

    /**
     * Where a caller stands after one more call: {@code secondsToWait} 0 when it may go on, else
     * whole seconds to wait (Retry-After); the bucket's size, the calls left in it, and the whole
     * seconds until it is full again, for the RateLimit-* headers.
     */
    public record Allowance(long secondsToWait, int limit, int remaining, long secondsUntilFull) {
    }

    /** Takes one call from {@code caller}'s allowance; empty when rate limiting is off. */
    public Optional<Allowance> take(String caller) {
        if (!isOn()) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        TokenBucket.Taken taken = buckets.computeIfAbsent(caller, key -> new TokenBucket(ratePerSecond, burst, now)).take(now);
        long wait = taken.nanosToWait() == 0 ? 0 : Math.max(1, wholeSeconds(taken.nanosToWait()));
        return Optional.of(new Allowance(wait, burst, taken.remaining(), wholeSeconds(taken.nanosUntilFull())));
    }

    private static long wholeSeconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L);
    }

    private void forgetIdle() {
        long now = clock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFullAndIdle(now));
    }

    @PreDestroy
    void stop() {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }
}
