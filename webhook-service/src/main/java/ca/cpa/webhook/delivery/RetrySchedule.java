package ca.cpa.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after a delay that doubles from {@code firstDelay} up to
 * {@code longestDelay}, each with ±20% jitter (so that many deliveries failed at once do not
 * come back at once); and not once an attempt fails after {@code period} has passed since the
 * first: the delivery has then been tried for at least that long, and failed.
 */
public record RetrySchedule(Duration firstDelay, Duration longestDelay, Duration period) {

    /**
     * @param attempts the attempts made, the failed one included (1 after the first)
     * @param retryFrom when the first attempt was due (or a manual retry asked for)
     * @return when to try again, or empty: the delivery has failed
     */
    public Optional<Instant> next(int attempts, Instant retryFrom, Instant now, RandomGenerator random) {
        if (!now.isBefore(retryFrom.plus(period))) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long delayMillis = Math.min(longestDelay.toMillis(), firstDelay.toMillis() << doublings);
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Optional.of(now.plusMillis(Math.round(delayMillis * jitter)));
    }
}
