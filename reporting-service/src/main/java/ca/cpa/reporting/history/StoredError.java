package ca.cpa.reporting.history;

import java.util.Arrays;
import java.util.List;

/** A row's violation as an import keeps it: the message key and arguments, put into words when read. */
record StoredError(long row, String field, String messageKey, List<String> arguments) {

    static StoredError of(HistoryRow.Violation violation) {
        return new StoredError(violation.row(), violation.field(), violation.messageKey(),
                Arrays.stream(violation.arguments()).map(String::valueOf).toList());
    }

    HistoryRow.Violation violation() {
        return new HistoryRow.Violation(row, field, messageKey, arguments.toArray());
    }
}
