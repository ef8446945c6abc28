package ca.cpa.reporting.history;

import java.io.IOException;

/** The rows of a history file, read one at a time. */
interface HistoryRows {

    /** The next row, or null after the last; a file that stops being readable throws {@link HistoryFileException}. */
    HistoryRow next() throws IOException;
}
