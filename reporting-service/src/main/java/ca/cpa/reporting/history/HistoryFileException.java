package ca.cpa.reporting.history;

import java.util.List;

/** A history file that cannot be read as one: not CSV or JSON, no header, unknown columns. Nothing of it is kept. */
public class HistoryFileException extends RuntimeException {

    private final transient List<HistoryRow.Violation> violations;

    public HistoryFileException(List<HistoryRow.Violation> violations) {
        super(violations.get(0).messageKey());
        this.violations = violations;
    }

    public HistoryFileException(long row, String field, String messageKey, Object... arguments) {
        this(List.of(new HistoryRow.Violation(row, field, messageKey, arguments)));
    }

    public List<HistoryRow.Violation> violations() {
        return violations;
    }
}
