package ca.cpa.reporting.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A JSON history file: an array of objects named by the same columns as the CSV header. */
final class JsonHistoryRows implements HistoryRows {

    /** The importer reads the body to its end for the digest: the parser must not close it. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private final JsonParser parser;
    private long row;

    JsonHistoryRows(InputStream body) throws IOException {
        this.parser = JSON.createParser(body);
        if (token() != JsonToken.START_ARRAY) {
            throw new HistoryFileException(0, "body", "history.json.not-an-array");
        }
    }

    /** More unknown or unreadable fields than this in one row are not listed one by one. */
    private static final int MAX_ROW_VIOLATIONS = 20;

    @Override
    public HistoryRow next() throws IOException {
        try {
            return readRow();
        } catch (JsonProcessingException e) {
            // a value Jackson refuses only when it is read (a raw control character, a malformed nested value)
            throw new HistoryFileException(row, "body", "history.file.malformed-json", e.getOriginalMessage());
        }
    }

    private HistoryRow readRow() throws IOException {
        JsonToken token = token();
        if (token == JsonToken.END_ARRAY) {
            if (token() != null) {
                throw new HistoryFileException(row + 1, "body", "history.file.malformed-json", "text after the array");
            }
            return null;
        }
        if (token == null) {
            throw new HistoryFileException(row + 1, "body", "history.file.malformed-json", "the array is never closed");
        }
        row++;
        List<HistoryRow.Violation> shape = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            shape.add(new HistoryRow.Violation(row, "row", "history.json.not-an-object"));
            return new HistoryRow(row, values, shape);
        }
        while ((token = token()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = token();
            if (shape.size() >= MAX_ROW_VIOLATIONS) {
                parser.skipChildren();
                continue;
            }
            if (!HistoryRow.COLUMNS.contains(name)) {
                shape.add(new HistoryRow.Violation(row, name, "history.column.unknown", String.join(", ", HistoryRow.COLUMNS)));
            } else if (value == JsonToken.VALUE_STRING) {
                values.put(name, parser.getText());
            } else if (value != JsonToken.VALUE_NULL) {
                shape.add(new HistoryRow.Violation(row, name, "history.json.not-text"));
            }
            parser.skipChildren();
        }
        return new HistoryRow(row, values, shape);
    }

    private JsonToken token() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new HistoryFileException(row + 1, "body", "history.file.malformed-json", e.getOriginalMessage());
        }
    }
}
