package ca.cpa.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other half of "the document tells the truth": every status the end-to-end tests received
 * from a documented operation is one the document lists for it. Runs last.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class DocumentedStatusesTest {

    @Test
    void everyStatusTheTestsReceivedIsDocumentedForItsOperation() {
        List<MergedDocument.Operation> operations = MergedDocument.operations();
        TreeSet<String> undocumented = new TreeSet<>();
        int checked = 0;
        for (String seen : ObservedStatuses.SEEN) {
            String[] parts = seen.split(" ");
            Optional<MergedDocument.Operation> operation = operations.stream()
                    .filter(op -> op.matches(parts[0], parts[1])).findFirst();
            if (operation.isPresent()) {
                checked++;
                if (!operation.get().node().path("responses").has(parts[2])) {
                    undocumented.add(operation.get().name() + " answered " + parts[2]);
                }
            }
        }
        assertEquals(new TreeSet<>(), undocumented);
        assertTrue(checked >= 50, "only " + checked + " distinct calls observed");
    }
}
