package ca.cpa.reporting.history;

import ca.cpa.reporting.csv.CsvReader;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A CSV history file: a header row naming the columns, in any order, then one row per deployment. */
final class CsvHistoryRows implements HistoryRows {

    private final CsvReader csv;
    private final List<String> header;
    private long row;

    CsvHistoryRows(Reader text) throws IOException {
        this.csv = new CsvReader(text);
        List<String> names = read();
        while (names != null && names.isEmpty()) {
            names = read();
        }
        if (names == null) {
            throw new HistoryFileException(0, "header", "history.file.empty");
        }
        this.header = names.stream().map(String::strip).toList();
        checkHeader();
    }

    @Override
    public HistoryRow next() throws IOException {
        List<String> fields = read();
        while (fields != null && fields.isEmpty()) {
            fields = read();
        }
        if (fields == null) {
            return null;
        }
        row++;
        Map<String, String> values = new HashMap<>(header.size() * 2);
        for (int i = 0; i < Math.min(fields.size(), header.size()); i++) {
            values.put(header.get(i), fields.get(i));
        }
        List<HistoryRow.Violation> shape = fields.size() == header.size() ? List.of()
                : List.of(new HistoryRow.Violation(row, "row", "history.row.field-count", fields.size(), header.size()));
        return new HistoryRow(row, values, shape);
    }

    private List<String> read() throws IOException {
        try {
            return csv.next();
        } catch (CsvReader.MalformedCsvException e) {
            throw new HistoryFileException(row + 1, "row", "history.file.malformed-csv", e.getMessage());
        }
    }

    private void checkHeader() {
        List<HistoryRow.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!HistoryRow.COLUMNS.contains(name)) {
                violations.add(new HistoryRow.Violation(0, name, "history.column.unknown", String.join(", ", HistoryRow.COLUMNS)));
            } else if (!seen.add(name)) {
                violations.add(new HistoryRow.Violation(0, name, "history.column.duplicate"));
            }
        }
        HistoryRow.COLUMNS.stream().filter(column -> !seen.contains(column))
                .forEach(column -> violations.add(new HistoryRow.Violation(0, column, "history.column.missing")));
        if (!violations.isEmpty()) {
            throw new HistoryFileException(violations);
        }
    }
}
