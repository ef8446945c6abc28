package ca.cpa.contracts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event contract keeps every promise of the last released one (released/ holds each
 * released version's documents, copied there on release). A breaking change needs a new type
 * (.v2) beside the old one, not an edit of a released type.
 */
class ReleasedContractsTest {

    @Test
    void noBreakingChangeSinceTheLastRelease() {
        Path latest = Releases.latest(Path.of("released"));
        ContractDocuments released = ContractDocuments.in(latest);
        ContractDocuments current = ContractDocuments.current();
        assertEquals(List.of(), BreakingChanges.inEvents(released, current),
                "breaking changes to the events since " + latest.getFileName());
        assertTrue(Releases.compare(current.version(), released.version()) >= 0,
                "the AsyncAPI version " + current.version() + " is not below the released " + released.version());
    }
}
