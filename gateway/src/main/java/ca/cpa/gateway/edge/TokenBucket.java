package ca.cpa.gateway.edge;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, holding at most {@code capacity}.
 * A call takes one token or is told how long until one is there.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond, int capacity, long now) {
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = Math.max(1, capacity);
        this.tokens = this.capacity;
        this.refilledAt = now;
    }

    /**
     * The outcome of one call: {@code nanosToWait} is 0 when a token was taken, else the time
     * until one will be there; then the whole tokens left and the time until the bucket is full.
     */
    record Taken(long nanosToWait, int remaining, long nanosUntilFull) {
    }

    synchronized Taken take(long now) {
        refill(now);
        long nanosToWait = 0;
        if (tokens >= 1) {
            tokens -= 1;
        } else {
            nanosToWait = (long) Math.ceil((1 - tokens) / ratePerNano);
        }
        return new Taken(nanosToWait, (int) Math.floor(tokens), (long) Math.ceil((capacity - tokens) / ratePerNano));
    }

    /** Full again: forgetting it changes nothing for its caller. */
    synchronized boolean isFullAndIdle(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
        }
    }
}
