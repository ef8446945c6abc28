package ca.cpa.webhook.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));
    private final Random random = new Random(42);

    @Test
    void theDelayDoublesWithJitterUpToTheLongest() {
        Instant start = Instant.parse("2026-12-02T00:00:00Z");
        assertBetween(schedule.next(1, start, start, random).orElseThrow(), start, 4, 6);
        assertBetween(schedule.next(2, start, start, random).orElseThrow(), start, 8, 12);
        assertBetween(schedule.next(5, start, start, random).orElseThrow(), start, 64, 96);
        assertBetween(schedule.next(40, start, start, random).orElseThrow(), start, 2880, 4320);
    }

    @Test
    void itIsTriedForTheWholePeriodThenFails() {
        Instant start = Instant.parse("2026-12-02T00:00:00Z");
        Instant at = start;
        int attempts = 1;
        while (schedule.next(attempts, start, at, random).isPresent()) {
            at = schedule.next(attempts, start, at, random).orElseThrow();
            attempts++;
        }
        assertTrue(!at.isBefore(start.plus(Duration.ofHours(24))), "tried until " + at);
        assertTrue(at.isBefore(start.plus(Duration.ofHours(26))), "and not much longer: " + at);
        assertTrue(attempts > 20 && attempts < 40, attempts + " attempts");
    }

    private static void assertBetween(Instant next, Instant from, long least, long most) {
        long seconds = Duration.between(from, next).toSeconds();
        assertTrue(seconds >= least && seconds <= most, seconds + " s");
    }
}
