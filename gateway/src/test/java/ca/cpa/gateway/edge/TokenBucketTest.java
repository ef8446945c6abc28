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
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(SECOND / 2, bucket.take(0), "the next token comes in half a second at 2 a second");
        assertEquals(0, bucket.take(SECOND / 2));
        assertTrue(bucket.take(SECOND / 2) > 0);
    }

    @Test
    void anIdleBucketFillsUpToItsCapacityOnlyAndIsThenForgettable() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        bucket.take(0);
        assertFalse(bucket.isFullAndIdle(0));
        assertTrue(bucket.isFullAndIdle(60 * SECOND));
        assertEquals(0, bucket.take(60 * SECOND));
        assertEquals(0, bucket.take(60 * SECOND));
        assertTrue(bucket.take(60 * SECOND) > 0, "no more than the capacity after a long idle time");
    }
}
