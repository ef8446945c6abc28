package ca.cpa.platform.http;

import ca.cpa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @Test
    void ifMatchPassesForTheCurrentVersionInAnyForm() {
        assertDoesNotThrow(() -> ETags.requireMatch(null, 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
    }

    @Test
    void aStaleVersionIsPreconditionFailed() {
        ProblemException stale = assertThrows(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3));
        assertEquals(412, stale.status());
        assertThrows(ProblemException.class, () -> ETags.requireMatch("garbage", 3));
    }
}
