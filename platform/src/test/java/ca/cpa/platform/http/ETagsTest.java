package ca.cpa.platform.http;

import ca.cpa.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void ifNoneMatchNamesTheCurrentTagByTheWeakComparison() {
        EntityTag version = ETags.of(3);
        assertTrue(ETags.namesCurrent("\"3\"", version));
        assertTrue(ETags.namesCurrent("W/\"3\"", version));
        assertTrue(ETags.namesCurrent("\"1\",W/\"2\" ,  \"3\"", version));
        assertTrue(ETags.namesCurrent(" * ", version));
        assertTrue(ETags.namesCurrent("\"a1f\"", new EntityTag("a1f", true)));
        assertFalse(ETags.namesCurrent(null, version));
        assertFalse(ETags.namesCurrent("", version));
        assertFalse(ETags.namesCurrent("\"2\", \"33\"", version));
        assertFalse(ETags.namesCurrent("3", version), "an entity tag is quoted");
        assertFalse(ETags.namesCurrent("\"3", version));
        assertFalse(ETags.namesCurrent("w/\"3\"", version), "W/ is case-sensitive");
    }

    @Test
    void aStaleVersionIsPreconditionFailed() {
        ProblemException stale = assertThrows(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3));
        assertEquals(412, stale.status());
        assertThrows(ProblemException.class, () -> ETags.requireMatch("garbage", 3));
    }
}
