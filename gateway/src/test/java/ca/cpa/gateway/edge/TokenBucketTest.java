package ca.cpa.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenTheRateRefillsIt() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertEquals(new TokenBucket.Taken(0, 2, SECOND / 2), bucket.take(0));
        assertEquals(0, bucket.take(0).nanosToWait());
        assertEquals(new TokenBucket.Taken(0, 0, 3 * SECOND / 2), bucket.take(0), "empty: full again in 1.5 s");
        assertEquals(SECOND / 2, bucket.take(0).nanosToWait(), "the next token comes in half a second at 2 a second");
        assertEquals(0, bucket.take(SECOND / 2).nanosToWait());
        assertTrue(bucket.take(SECOND / 2).nanosToWait() > 0);
    }

    @Test
    void anIdleBucketFillsUpToItsCapacityOnlyAndIsThenForgettable() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        assertEquals(new TokenBucket.Taken(0, 1, SECOND / 10), bucket.take(0), "one left, full again in a tenth of a second");
        assertFalse(bucket.isFullAndIdle(0));
        assertTrue(bucket.isFullAndIdle(60 * SECOND));
        assertEquals(0, bucket.take(60 * SECOND).nanosToWait());
        assertEquals(0, bucket.take(60 * SECOND).nanosToWait());
        assertTrue(bucket.take(60 * SECOND).nanosToWait() > 0, "no more than the capacity after a long idle time");
    }
}
