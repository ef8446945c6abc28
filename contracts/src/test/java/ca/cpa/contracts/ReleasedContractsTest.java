package ca.cpa.contracts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event contract keeps every promise of the last released one (released/ holds each
 * released version's documents, copied there on release). A breaking change needs a new type
 * (.v2) beside the old one, not an edit of a released type; removing the old type when its
 * deprecation period ends takes a new major version of the document.
 */
class ReleasedContractsTest {

    @Test
    void noBreakingChangeSinceTheLastRelease() {
        Path latest = Releases.latest(Path.of("released"));
        ContractDocuments released = ContractDocuments.in(latest);
        ContractDocuments current = ContractDocuments.current();
        assertTrue(Releases.compare(current.version(), released.version()) >= 0,
                "the AsyncAPI version " + current.version() + " is not below the released " + released.version());
        // retiring a deprecated .v1 after its deprecation period is the one breaking change allowed, with a new major
        if (Releases.major(current.version()) == Releases.major(released.version())) {
            assertEquals(List.of(), BreakingChanges.inEvents(released, current),
                    "breaking changes to the events since " + latest.getFileName());
        }
    }
}
